package org.tandem.analysis.compare;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of a 2×2 table (e.g. how often two groups chose the first label), two-sided as R's
 * {@code fisher.test} and SciPy's {@code fisher_exact}: the sum of the probabilities of every table with the same
 * margins that is no more likely than the observed one (with a relative tolerance of 1e-7, as R uses).
 *
 * @param p               two-sided p, or null when undefined
 * @param undefinedReason null when defined
 */
public record FisherExact(int a, int b, int c, int d, Double p, String undefinedReason) {

    /** Table {@code [[a, b], [c, d]]}: rows are groups, columns outcomes. */
    public static FisherExact test(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("counts are never negative: " + a + ", " + b + ", " + c + ", " + d);
        }
        int row1 = a + b;
        int row2 = c + d;
        int column1 = a + c;
        if (row1 == 0 || row2 == 0) {
            return new FisherExact(a, b, c, d, null, "each group needs at least one count, got " + row1 + " and " + row2);
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, row1 + row2, column1, row1);
        double observed = h.probability(a);
        double p = 0;
        for (int k = Math.max(0, column1 - row2); k <= Math.min(row1, column1); k++) {
            double pk = h.probability(k);
            if (pk <= observed * (1 + 1e-7)) {
                p += pk;
            }
        }
        return new FisherExact(a, b, c, d, Math.min(1.0, p), null);
    }
}
