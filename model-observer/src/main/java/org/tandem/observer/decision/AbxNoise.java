package org.tandem.observer.decision;

import org.tandem.protocols.TandemException;

/**
 * The Gaussian decision noise of an ABX observer. Distances in different networks and layers differ by orders of
 * magnitude, so a noise SD in a layer's own units cannot be compared across networks; a relative SD is a fraction of the
 * distance between the two ends (0 % and 100 %) of the trial's continuum in that layer, which puts every network on the
 * same footing: a pair of stimuli is told apart in proportion to how much of the whole continuum's change it spans.
 *
 * @param sd       the SD, in distance units or, when {@code relative}, as a fraction of the ends' distance; 0 for none
 * @param relative whether {@code sd} is relative to the continuum's ends
 */
public record AbxNoise(double sd, boolean relative) {
    public static final AbxNoise NONE = new AbxNoise(0, false);

    public AbxNoise {
        if (!(sd >= 0) || Double.isInfinite(sd)) {
            throw new TandemException("the decision noise SD must be a number of 0 or more, got " + sd);
        }
    }

    /** The SD in distance units, given the distance between the continuum's ends (used only when relative). */
    double sdFor(double endsDistance) {
        return relative ? sd * endsDistance : sd;
    }
}
