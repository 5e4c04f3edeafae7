package org.tandem.analysis.psychometric;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/** Turns bootstrap draws into percentile or BCa intervals. */
final class BootstrapIntervals {
    private static final double MIN_DEFINED = 0.5;

    private BootstrapIntervals() {
    }

    /**
     * The interval at the given coverage. With BCa, estimate and the jackknife values move the percentiles (Efron
     * 1987); a quantity without an estimate, or with draws all on one side of it, falls back to plain percentiles.
     */
    static Interval of(double[] draws, double level, IntervalMethod method, double estimate, double[] jackknife,
                       double[] weights) {
        double[] defined = Arrays.stream(draws).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double fraction = draws.length == 0 ? 0 : (double) defined.length / draws.length;
        if (fraction < MIN_DEFINED) {
            return new Interval(null, null, fraction, String.format(java.util.Locale.ROOT,
                    "only %.0f %% of the bootstrap samples define it", 100 * fraction));
        }
        double alphaLow = (1 - level) / 2;
        double alphaHigh = 1 - alphaLow;
        if (method == IntervalMethod.BCA && !Double.isNaN(estimate) && defined[0] < defined[defined.length - 1]) {
            double below = 0;
            for (double d : defined) {
                below += d < estimate ? 1 : d == estimate ? 0.5 : 0;
            }
            double z0 = StandardNormal.quantile(below / defined.length);
            double a = Jackknife.acceleration(jackknife, weights);
            if (Double.isFinite(z0)) {
                alphaLow = adjusted(z0, a, alphaLow);
                alphaHigh = adjusted(z0, a, alphaHigh);
            }
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(defined);
        return new Interval(percentile.evaluate(100 * Math.max(1e-9, alphaLow)),
                percentile.evaluate(100 * Math.min(1, alphaHigh)), fraction, null);
    }

    private static double adjusted(double z0, double a, double alpha) {
        double z = z0 + StandardNormal.quantile(alpha);
        return StandardNormal.cdf(z0 + z / (1 - a * z));
    }
}
