package org.tandem.analysis.psychometric;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * A fitted psychometric curve ψ evaluated at chosen stimulus levels, for plots, with a pointwise bootstrap band: at
 * each level the equal-tailed percentile interval of ψ over the bootstrap samples' refitted curves. Pointwise means
 * each level's interval covers ψ there, not that the band covers the whole curve at once.
 *
 * @param x     the levels, ascending
 * @param psi   ψ at each level (empty arrays when the data could not be fitted)
 * @param lower lower band edge at each level (NaN without a bootstrap)
 * @param upper upper band edge at each level (NaN without a bootstrap)
 */
public record FittedCurve(PsychometricFit fit, double[] x, double[] psi, double[] lower, double[] upper) {

    static FittedCurve of(PsychometricFit fit, FitOptions options, double[] x, ParametricBootstrap.Draws draws) {
        if (!fit.fitted()) {
            return new FittedCurve(fit, new double[0], new double[0], new double[0], new double[0]);
        }
        double[] psi = Arrays.stream(x).map(fit::psiAt).toArray();
        double[] lower = new double[x.length];
        double[] upper = new double[x.length];
        Arrays.fill(lower, Double.NaN);
        Arrays.fill(upper, Double.NaN);
        if (draws != null) {
            Sigmoid sigmoid = options.sigmoid();
            int sign = Direction.parse(fit.direction()).sign();
            double[][] v = draws.values();
            int samples = v[Quantity.LOCATION.ordinal()].length;
            double alpha = (1 - options.ciLevel()) / 2;
            Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
            double[] atLevel = new double[samples];
            for (int i = 0; i < x.length; i++) {
                for (int b = 0; b < samples; b++) {
                    atLevel[b] = psi(sigmoid, sign, v[Quantity.LOCATION.ordinal()][b], v[Quantity.SCALE.ordinal()][b],
                            v[Quantity.GUESS.ordinal()][b], v[Quantity.LAPSE.ordinal()][b], x[i]);
                }
                percentile.setData(atLevel);
                lower[i] = percentile.evaluate(100 * alpha);
                upper[i] = percentile.evaluate(100 * (1 - alpha));
            }
        }
        return new FittedCurve(fit, x.clone(), psi, lower, upper);
    }

    /**
     * ψ(x) = γ + (1 − γ − λ)·F(±(u − u(location))/scale), location given in stimulus units, the sign −1 for a falling
     * curve.
     */
    static double psi(Sigmoid sigmoid, int sign, double location, double scale, double guess, double lapse, double x) {
        return guess + (1 - guess - lapse)
                * sigmoid.cdf(sign * (sigmoid.toAxis(x) - sigmoid.toAxis(location)) / scale);
    }
}
