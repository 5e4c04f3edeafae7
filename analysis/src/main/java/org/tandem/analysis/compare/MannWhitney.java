package org.tandem.analysis.compare;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Mann-Whitney U test between two groups (e.g. R² of the logistic fit over continua for two networks), by Commons
 * Math: ties get average ranks; p is two-sided from the normal approximation without tie or continuity correction.
 *
 * @param u1              U of the first group: its rank sum minus n1(n1 + 1)/2 (R's W); null when undefined
 * @param uMin            min(U1, U2), the statistic tables list; null when undefined
 * @param p               two-sided p, or null when undefined
 * @param method          how p was computed
 * @param undefinedReason null when defined
 */
public record MannWhitney(int n1, int n2, Double u1, Double uMin, Double p, String method, String undefinedReason) {
    public static final String METHOD = "normal approximation without tie or continuity correction (Commons Math 3.6.1)";

    public static MannWhitney test(double[] first, double[] second) {
        int n1 = first.length;
        int n2 = second.length;
        if (n1 == 0 || n2 == 0) {
            return new MannWhitney(n1, n2, null, null, null, null, "each group needs at least one value, got " + n1
                    + " and " + n2);
        }
        if (Arrays.stream(first).anyMatch(Double::isNaN) || Arrays.stream(second).anyMatch(Double::isNaN)) {
            return new MannWhitney(n1, n2, null, null, null, null, "a value is NaN; leave undefined values out");
        }
        double[] both = new double[n1 + n2];
        System.arraycopy(first, 0, both, 0, n1);
        System.arraycopy(second, 0, both, n1, n2);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(both);
        double rankSum = Arrays.stream(ranks, 0, n1).sum();
        double u1 = rankSum - n1 * (n1 + 1.0) / 2;
        double p = new MannWhitneyUTest().mannWhitneyUTest(first, second);
        return new MannWhitney(n1, n2, u1, Math.min(u1, (double) n1 * n2 - u1), p, METHOD, null);
    }
}
