package org.tandem.stimuli.synthetic;

import java.util.Arrays;

/** Intensities 0..1 of every {@link ActionUnit}: what a synthetic face's muscles are doing. Immutable. */
public final class ExpressionParameters {
    private static final int N = ActionUnit.values().length;
    public static final ExpressionParameters NEUTRAL = new ExpressionParameters(new double[N]);

    private final double[] intensity;

    private ExpressionParameters(double[] intensity) {
        this.intensity = intensity;
    }

    public double get(ActionUnit unit) {
        return intensity[unit.ordinal()];
    }

    public ExpressionParameters with(ActionUnit unit, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(unit + " intensity must be in 0..1, got " + value);
        }
        double[] copy = intensity.clone();
        copy[unit.ordinal()] = value;
        return new ExpressionParameters(copy);
    }

    /** The point a fraction {@code t} of the way from this expression to {@code other} (t = 0: this, t = 1: other). */
    public ExpressionParameters towards(ExpressionParameters other, double t) {
        double[] mixed = new double[N];
        for (int i = 0; i < N; i++) {
            mixed[i] = intensity[i] + (other.intensity[i] - intensity[i]) * t;
        }
        return new ExpressionParameters(mixed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpressionParameters other && Arrays.equals(intensity, other.intensity);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(intensity);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Expression[");
        for (ActionUnit unit : ActionUnit.values()) {
            if (get(unit) > 0) {
                out.append("AU").append(unit.facsNumber()).append('=').append(String.format("%.2f", get(unit))).append(' ');
            }
        }
        return out.toString().trim() + "]";
    }
}
