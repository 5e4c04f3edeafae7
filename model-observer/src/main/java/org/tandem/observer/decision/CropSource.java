package org.tandem.observer.decision;

import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;

/**
 * Where a face network's input crop comes from. Model observers see the same images people see; which part of an image is
 * the face is a property of the stimulus set, so the caller that knows the set supplies the crop (for the built-in
 * synthetic faces, the exact face box they were drawn with). The network's own preprocessing (pad to square, resize,
 * normalise) happens after this step.
 */
@FunctionalInterface
public interface CropSource {
    /** Uses the shown image itself as the crop: for image sets that are already face crops. */
    CropSource WHOLE_IMAGE = (stimulus, shown) -> shown;

    /**
     * @param stimulus the stimulus the image was drawn from
     * @param shown    the image exactly as observers see it
     * @return the face crop the network is given
     */
    Raster crop(StimulusRef stimulus, Raster shown);
}
