package org.tandem.stimuli.library;

import java.util.List;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.TransformOptions;

/**
 * A set with one face part masked, as a protocol's {@code "mask"} asks: each image is made or read, then put through the
 * very transform {@code tandem stimuli transform --op mask-PART} applies (hard-edged patch in the image's mean luma), at
 * the regions the set's {@link PartRegions} place: the drawing's own geometry for built-in sets, the 68 face landmarks
 * for photographs. The library serves it to the station and to networks alike.
 */
record MaskedImages(StimulusLibrary.StimulusSource images, FaceFeature feature, PartRegions regions)
        implements StimulusLibrary.StimulusSource {
    @Override
    public Raster image(StimulusRef ref) {
        Raster image = images.image(ref);
        TransformOptions options = TransformOptions.none().withRegions((part, shown) -> regions.of(ref, part, shown));
        return feature.mask().apply(List.of(image), options).images().get(0);
    }
}
