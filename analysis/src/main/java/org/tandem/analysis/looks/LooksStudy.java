package org.tandem.analysis.looks;

import java.util.List;

/**
 * Class-activation maps of networks over a face set (tandem explain): where each network's evidence for its answer
 * lies, as shares of the map's mass in the eyes, nose and mouth.
 *
 * @param method    {@code gradcam} or {@code layercam}
 * @param set       the images' set
 * @param images    how many images each network mapped
 * @param regions   the regions, in order
 * @param regionSource where the regions come from: the built-in faces' own geometry, or face-api's 68 landmarks
 * @param bootstrap bootstrap resamples of the intervals
 * @param seed      the bootstrap's seed
 */
public record LooksStudy(String method, String set, int images, List<String> regions, String regionSource,
                         int bootstrap, long seed,
                         List<NetworkLooks> networks) {
    public LooksStudy {
        regions = List.copyOf(regions);
        networks = List.copyOf(networks);
    }
}
