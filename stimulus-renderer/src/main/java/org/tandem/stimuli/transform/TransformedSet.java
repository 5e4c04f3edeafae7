package org.tandem.stimuli.transform;

import java.util.List;
import org.tandem.protocols.observer.Raster;

/**
 * The images of a set after a transform, in input order, with how many pixels of each had a channel clipped to 0 or 255
 * by a set-level match (a clipped pixel misses the target by the clipped amount); always 0 for the per-image transforms.
 */
public record TransformedSet(List<Raster> images, List<Integer> clippedPixels) {

    public TransformedSet {
        images = List.copyOf(images);
        clippedPixels = List.copyOf(clippedPixels);
        if (images.size() != clippedPixels.size()) {
            throw new IllegalArgumentException("one clipped count per image");
        }
    }

    public long totalClipped() {
        return clippedPixels.stream().mapToLong(Integer::longValue).sum();
    }
}
