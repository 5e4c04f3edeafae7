package org.tandem.engine.simulate;

import org.tandem.observer.decision.CropSource;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.synthetic.SyntheticFaces;

/**
 * Face crops for model observers: the exact face box of a built-in synthetic face, and the shown image itself for image-
 * folder sets, whose images are taken to be face crops already (as {@code tandem observe} takes them).
 */
public final class SyntheticFaceCrops implements CropSource {
    private final SyntheticFaces faces;

    public SyntheticFaceCrops(SyntheticFaces faces) {
        this.faces = faces;
    }

    public static SyntheticFaceCrops defaults() {
        return new SyntheticFaceCrops(SyntheticFaces.defaults());
    }

    /** The faces the crops are drawn from, which also draw the readout training set. */
    public SyntheticFaces faces() {
        return faces;
    }

    @Override
    public Raster crop(StimulusRef stimulus, Raster shown) {
        return SyntheticFaces.SET_NAME.equals(stimulus.set()) ? faces.renderFaceCrop(stimulus) : shown;
    }
}
