package org.tandem.stimuli.synthetic;

/**
 * The action units one image of {@code varied-faces} shows: the posed prototype (or its {@link ExpressionVariants
 * variant}), scaled by the person's
 * {@link ExpressionStyle}, and for a single image (not a morph) also by an expression intensity and a small jitter of
 * each unit the prototype uses, on each side of the face.
 */
final class VariedExpression {
    static final double INTENSITY_LOW = 0.88;
    static final double INTENSITY_HIGH = 1.0;
    static final double UNIT_JITTER = 0.03;
    static final double SIDE_JITTER = 0.03;

    private VariedExpression() {
    }

    /** A posed expression as one image shows it: intensity and jitter drawn from the image's stream. */
    static ExpressionBySide image(ExpressionParameters prototype, ExpressionStyle style, Uniform random) {
        double intensity = random.range(INTENSITY_LOW, INTENSITY_HIGH);
        ExpressionParameters left = ExpressionParameters.NEUTRAL;
        ExpressionParameters right = ExpressionParameters.NEUTRAL;
        for (ActionUnit unit : ActionUnit.values()) {
            double jitter = random.around(UNIT_JITTER);
            double lean = style.asymmetry()[unit.ordinal()] + random.around(SIDE_JITTER);
            double base = prototype.get(unit);
            if (base > 0) {
                double value = base * intensity * style.gain()[unit.ordinal()] + jitter;
                left = left.with(unit, clamp(value * (1 + lean)));
                right = right.with(unit, clamp(value * (1 - lean)));
            }
        }
        return new ExpressionBySide(left, right);
    }

    /**
     * A point of a morph continuum: both ends styled as the person moves (full intensity, no per-image jitter), then
     * mixed in a straight line, so level 0 is exactly the styled first end and every level is exactly known.
     */
    static ExpressionBySide morph(ExpressionParameters from, ExpressionParameters to, double fraction, ExpressionStyle style) {
        ExpressionBySide a = styled(from, style);
        ExpressionBySide b = styled(to, style);
        return new ExpressionBySide(a.left().towards(b.left(), fraction), a.right().towards(b.right(), fraction));
    }

    private static ExpressionBySide styled(ExpressionParameters prototype, ExpressionStyle style) {
        ExpressionParameters left = ExpressionParameters.NEUTRAL;
        ExpressionParameters right = ExpressionParameters.NEUTRAL;
        for (ActionUnit unit : ActionUnit.values()) {
            double value = prototype.get(unit) * style.gain()[unit.ordinal()];
            double lean = style.asymmetry()[unit.ordinal()];
            left = left.with(unit, clamp(value * (1 + lean)));
            right = right.with(unit, clamp(value * (1 - lean)));
        }
        return new ExpressionBySide(left, right);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
