package org.tandem.analysis.report;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.tandem.analysis.records.PairAccuracy;

/**
 * One ABX pair's accuracy with its 95 % Wilson score interval (Commons Math {@link WilsonScoreInterval}). Wilson rather
 * than the normal (Wald) interval because pairs have few trials and accuracies near 1, where Wald collapses to a point;
 * at 10/10 Wilson still gives [0.722, 1].
 */
public record PairInterval(double low, double high, int correct, int total, double accuracy, double ciLow,
                           double ciHigh) {
    public static final String METHOD = "Wilson score interval, 95 % (Commons Math 3.6.1)";
    private static final double LEVEL = 0.95;

    public static PairInterval of(PairAccuracy pair) {
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(pair.total(), pair.correct(), LEVEL);
        // at 0 and n Wilson's bound is exactly 0 or 1; the formula leaves a rounding error there
        double lower = pair.correct() == 0 ? 0 : Math.max(0, ci.getLowerBound());
        double upper = pair.correct() == pair.total() ? 1 : Math.min(1, ci.getUpperBound());
        return new PairInterval(pair.low(), pair.high(), pair.correct(), pair.total(), pair.accuracy(), lower, upper);
    }
}
