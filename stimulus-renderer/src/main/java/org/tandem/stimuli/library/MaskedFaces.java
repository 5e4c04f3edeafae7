package org.tandem.stimuli.library;

import java.util.List;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.transform.BuiltInRegions;
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.TransformOptions;

/**
 * A built-in set with one face part masked, as a protocol's {@code "mask"} asks: each image is drawn, then put through
 * the very transform {@code tandem stimuli transform --op mask-PART} applies (hard-edged patch in the image's mean luma,
 * placed from the set's geometry). The library serves it to the station and to networks alike.
 */
record MaskedFaces(FaceSet faces, FaceFeature feature) implements StimulusLibrary.StimulusSource {
    @Override
    public Raster image(StimulusRef ref) {
        TransformOptions options = TransformOptions.none()
                .withRegions((part, image) -> BuiltInRegions.of(faces, ref, part));
        return feature.mask().apply(List.of(faces.render(ref)), options).images().get(0);
    }
}
