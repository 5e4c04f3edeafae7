package org.tandem.analysis.compare;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;

/**
 * Kendall's tau-b with a two-sided p, computed as R's {@code cor.test(method = "kendall")} does: for fewer than 50
 * pairs without ties, from the exact permutation distribution of the number of concordant pairs; otherwise from the
 * normal approximation of S = concordant - discordant pairs with the tie-corrected variance (Kendall 1970), without
 * continuity correction. Commons Math gives tau-b; the p value is computed here.
 */
public final class KendallTau {
    static final String STATISTIC = "Kendall tau-b";
    static final String EXACT = "exact permutation distribution (no ties, n < 50)";
    static final String NORMAL = "normal approximation with tie-corrected variance";
    private static final int EXACT_BELOW = 50;

    private KendallTau() {
    }

    public static CorrelationTest test(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Kendall's tau needs pairs: " + x.length + " x values, " + y.length + " y values");
        }
        int n = x.length;
        if (n < 2) {
            return CorrelationTest.undefined(STATISTIC, n, "needs at least 2 pairs, got " + n);
        }
        long[] xTies = tieSizes(x);
        long[] yTies = tieSizes(y);
        if (xTies.length == 1 && xTies[0] == n || yTies.length == 1 && yTies[0] == n) {
            return CorrelationTest.undefined(STATISTIC, n, "one of the variables is constant, so tau-b has no denominator");
        }
        double tau = new KendallsCorrelation().correlation(x, y);
        boolean ties = xTies.length > 0 || yTies.length > 0;
        if (!ties && n < EXACT_BELOW) {
            return new CorrelationTest(STATISTIC, n, tau, exactP(tau, n), EXACT, null);
        }
        return new CorrelationTest(STATISTIC, n, tau, normalP(tau, n, xTies, yTies), NORMAL, null);
    }

    /** The sizes (>= 2) of the groups of equal values. */
    static long[] tieSizes(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        long[] sizes = new long[sorted.length];
        int groups = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                if (i - start > 1) {
                    sizes[groups++] = i - start;
                }
                start = i;
            }
        }
        return Arrays.copyOf(sizes, groups);
    }

    /** R's rule: q concordant pairs; p = 2 P(T >= q) above the mean, 2 P(T <= q) otherwise, capped at 1. */
    private static double exactP(double tau, int n) {
        long pairs = (long) n * (n - 1) / 2;
        int q = (int) Math.round((tau + 1) * pairs / 2);
        double[] distribution = concordantDistribution(n);
        double tail = 0;
        if (q > pairs / 2.0) {
            for (int k = q; k <= pairs; k++) {
                tail += distribution[k];
            }
        } else {
            for (int k = 0; k <= q; k++) {
                tail += distribution[k];
            }
        }
        return Math.min(1, 2 * tail);
    }

    /**
     * P(T = k) for the number of concordant pairs T of n untied pairs under independence, i.e. the distribution of
     * inversions of a random permutation: adding the m-th element adds 0..m-1 inversions with equal chance.
     */
    static double[] concordantDistribution(int n) {
        int pairs = n * (n - 1) / 2;
        double[] p = new double[pairs + 1];
        p[0] = 1;
        int max = 0;
        for (int m = 2; m <= n; m++) {
            double[] next = new double[pairs + 1];
            for (int k = 0; k <= max; k++) {
                for (int j = 0; j < m; j++) {
                    next[k + j] += p[k] / m;
                }
            }
            max += m - 1;
            p = next;
        }
        return p;
    }

    private static double normalP(double tau, int n, long[] xTies, long[] yTies) {
        double n0 = n * (n - 1.0) / 2;
        double n1 = sum(xTies, KendallTau::pairsIn) / 2;
        double n2 = sum(yTies, KendallTau::pairsIn) / 2;
        double s = tau * Math.sqrt((n0 - n1) * (n0 - n2));
        double v0 = n * (n - 1.0) * (2.0 * n + 5);
        LongToDoubleFunction spread = t -> pairsIn(t) * (2 * t + 5);
        LongToDoubleFunction triples = t -> pairsIn(t) * (t - 2);
        double vt = sum(xTies, spread);
        double vu = sum(yTies, spread);
        double v1 = sum(xTies, KendallTau::pairsIn) * sum(yTies, KendallTau::pairsIn);
        double v2 = sum(xTies, triples) * sum(yTies, triples);
        double variance = (v0 - vt - vu) / 18 + v1 / (2.0 * n * (n - 1)) + v2 / (9.0 * n * (n - 1) * (n - 2));
        double z = s / Math.sqrt(variance);
        return 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(z));
    }

    /** t(t - 1): twice the number of tied pairs in a group of t equal values. */
    private static double pairsIn(long t) {
        return t * (t - 1.0);
    }

    private static double sum(long[] ties, LongToDoubleFunction term) {
        double total = 0;
        for (long t : ties) {
            total += term.applyAsDouble(t);
        }
        return total;
    }
}
