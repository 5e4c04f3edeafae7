package org.tandem.analysis.psychometric;

/**
 * How the fit treats the guess rate γ or the lapse rate λ: fixed at a value, or free within [0, max].
 * Bounding a free asymptote is what keeps maximum likelihood stable (Wichmann and Hill 2001).
 */
public record Asymptote(boolean free, double value, double max) {
    public static final double DEFAULT_MAX = 0.05;

    public Asymptote {
        if (!(value >= 0 && value <= max && max < 1)) {
            throw new IllegalArgumentException("asymptote value " + value + " or bound " + max + " out of range");
        }
    }

    public static Asymptote fixed(double value) {
        return new Asymptote(false, value, value);
    }

    public static Asymptote free(double max) {
        return new Asymptote(true, Math.min(0.01, max / 2), max);
    }

    /** The lower end of the range the fit searches (the value itself when fixed). */
    double lower() {
        return free ? 0 : value;
    }

    double upper() {
        return free ? max : value;
    }

    @Override
    public String toString() {
        return free ? "free in [0, " + max + "]" : "fixed at " + value;
    }
}
