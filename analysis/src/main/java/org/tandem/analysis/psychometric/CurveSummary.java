package org.tandem.analysis.psychometric;

import java.util.Arrays;

/**
 * The numbers read off one fitted curve, in stimulus units, each either defined or NaN with the reason why.
 * <ul>
 *   <li>PSE: where the full curve ψ crosses 0.5. A 2AFC curve starts at its guess rate 0.5 and never crosses it.</li>
 *   <li>threshold: for n-AFC where ψ is halfway between the guess rate and 1 (75 % correct for 2AFC); for yes/no the
 *   PSE.</li>
 *   <li>JND: |x₇₅ − x₂₅|/2 of ψ.</li>
 *   <li>slope: dψ/dx at the threshold (the PSE for yes/no), including the (1 − γ − λ) factor; negative for a falling
 *   curve.</li>
 * </ul>
 * A crossing further than a quarter of the tested span outside the tested range is an extrapolation the data cannot
 * support, and is reported as undefined.
 */
final class CurveSummary {
    private static final double NEAR_RANGE = 0.25;

    private final double[] values = new double[Quantity.values().length];
    private final String[] reasons = new String[Quantity.values().length];

    private CurveSummary() {
    }

    /** The summary; explain = false skips writing the reasons (the bootstrap needs only the numbers). */
    static CurveSummary of(FitProblem problem, Parameters p, boolean explain) {
        CurveSummary s = new CurveSummary();
        Sigmoid f = problem.sigmoid;
        Arrays.fill(s.values, Double.NaN);
        s.values[Quantity.LOCATION.ordinal()] = problem.level(p.location());
        s.values[Quantity.SCALE.ordinal()] = p.scale();
        s.values[Quantity.WIDTH.ordinal()] = Math.abs(problem.level(p.location() + p.scale() * f.quantile(0.95))
                - problem.level(p.location() + p.scale() * f.quantile(0.05)));
        s.values[Quantity.GUESS.ordinal()] = p.guess();
        s.values[Quantity.LAPSE.ordinal()] = p.lapse();
        if (problem.options.overdispersion()) {
            s.values[Quantity.OVERDISPERSION.ordinal()] = p.eta();
        } else {
            s.reasons[Quantity.OVERDISPERSION.ordinal()] = "binomial model (overdispersion not fitted)";
        }
        String[] why = explain ? new String[1] : null;
        s.crossing(problem, p, Quantity.PSE, 0.5, why);
        double thresholdLevel = problem.options.yesNoTask() ? 0.5 : p.guess() + (1 - p.guess()) / 2;
        s.crossing(problem, p, Quantity.THRESHOLD, thresholdLevel, why);
        s.jnd(problem, p, why);
        s.slope(problem, p, explain);
        return s;
    }

    double value(Quantity q) {
        return values[q.ordinal()];
    }

    /** Why the quantity is undefined (null when it is defined). */
    String reason(Quantity q) {
        return reasons[q.ordinal()];
    }

    private void crossing(FitProblem problem, Parameters p, Quantity q, double level, String[] why) {
        values[q.ordinal()] = levelAt(problem, p, level, why);
        if (why != null) {
            reasons[q.ordinal()] = why[0];
            why[0] = null;
        }
    }

    private void jnd(FitProblem problem, Parameters p, String[] why) {
        double x75 = levelAt(problem, p, 0.75, why);
        double x25 = Double.isNaN(x75) ? Double.NaN : levelAt(problem, p, 0.25, why);
        // a falling curve reaches 75 % below 25 %: the JND is a distance either way
        values[Quantity.JND.ordinal()] = Math.abs(x75 - x25) / 2;
        if (why != null && why[0] != null) {
            reasons[Quantity.JND.ordinal()] = "JND = (x75 − x25)/2 is undefined: " + why[0];
        }
    }

    private void slope(FitProblem problem, Parameters p, boolean explain) {
        double x = values[Quantity.THRESHOLD.ordinal()];
        if (Double.isNaN(x)) {
            if (explain) {
                reasons[Quantity.SLOPE.ordinal()] = "no slope: the point where it is taken is undefined; "
                        + reasons[Quantity.THRESHOLD.ordinal()];
            }
            return;
        }
        values[Quantity.SLOPE.ordinal()] = slopeAt(problem, x, (problem.sign * problem.sigmoid.toAxis(x)
                - p.location()) / p.scale(), 1 - p.guess() - p.lapse(), p.scale());
    }

    /**
     * dψ/dx at the stimulus level x, where the unscaled sigmoid's argument is z, for a curve of the given amplitude
     * 1 − γ − λ and scale; negative for a falling curve.
     */
    static double slopeAt(FitProblem problem, double x, double z, double amplitude, double scale) {
        Sigmoid f = problem.sigmoid;
        double dUdX = problem.sign * (f.logAxis() ? 1 / x : 1);
        return amplitude * f.density(z) / scale * dUdX;
    }

    /** The stimulus level where ψ = level, or NaN with the reason in why[0] (when why is not null). */
    static double levelAt(FitProblem problem, Parameters p, double level, String[] why) {
        double amplitude = 1 - p.guess() - p.lapse();
        double q = (level - p.guess()) / amplitude;
        if (q <= 0 || q >= 1) {
            if (why == null) {
                return Double.NaN;
            }
            why[0] = String.format(java.util.Locale.ROOT, "the fitted curve runs from %s to %s and never crosses %s",
                    format(p.guess()), format(1 - p.lapse()), level == 0.5 && p.guess() >= 0.5
                            ? "0.5: an n-AFC curve starts at its guess rate, so report the threshold instead"
                            : format(level));
            return Double.NaN;
        }
        double x = problem.level(p.location() + p.scale() * problem.sigmoid.quantile(q));
        if (Double.isNaN(nearRange(problem, x))) {
            if (why == null) {
                return Double.NaN;
            }
            why[0] = String.format(java.util.Locale.ROOT,
                    "the fitted curve crosses %s at %s, outside the tested range [%s, %s] widened by a quarter "
                            + "of its span", format(level), format(x), format(problem.xMin), format(problem.xMax));
            return Double.NaN;
        }
        return x;
    }

    /**
     * x itself, or NaN when it lies further than a quarter of the tested span outside the tested range (an
     * extrapolation the data cannot support).
     */
    static double nearRange(FitProblem problem, double x) {
        double span = problem.xMax - problem.xMin;
        return x < problem.xMin - NEAR_RANGE * span || x > problem.xMax + NEAR_RANGE * span ? Double.NaN : x;
    }

    /** Four significant digits without trailing zeros. */
    private static String format(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
