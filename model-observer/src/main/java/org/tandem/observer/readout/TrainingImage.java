package org.tandem.observer.readout;

import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;

/**
 * One image of a readout's training set: the stimulus it was made from, the expression it shows (a class name such as
 * {@code happy}; null for a morph between two expressions, which only identity readouts use), and the face crop the
 * network is given.
 */
public record TrainingImage(StimulusRef stimulus, String expression, Raster crop) {

    /** The identity the image shows, within its set: what cross-validation keeps whole. */
    public String identity() {
        return identityOf(stimulus);
    }

    static String identityOf(StimulusRef stimulus) {
        return stimulus.set() + "/" + stimulus.identity();
    }
}
