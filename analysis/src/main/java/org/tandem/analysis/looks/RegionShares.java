package org.tandem.analysis.looks;

import java.util.List;

/**
 * Where one network's maps put their mass, over a group of images (one expression, or all of them).
 *
 * @param group     the expression, or {@code all}
 * @param images    the images whose maps were counted
 * @param emptyMaps images left out because their map was zero everywhere (no share is defined for them)
 */
public record RegionShares(String group, int images, int emptyMaps, List<ShareEstimate> regions) {
    public RegionShares {
        regions = List.copyOf(regions);
    }

    public static final String ALL = "all";
}
