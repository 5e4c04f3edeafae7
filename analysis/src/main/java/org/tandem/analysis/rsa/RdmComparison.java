package org.tandem.analysis.rsa;

import java.util.function.Consumer;

/**
 * How alike two RDMs over the same conditions are (a network's and people's, or either and a model), by a rank
 * correlation of their upper triangles, leaving out entries where either is NaN; and whether the likeness exceeds
 * chance, by relabelling one RDM's conditions.
 *
 * <p>The permutation test is one-sided (H₁: the RDMs are positively related, the RSA convention): it permutes the rows
 * and columns of the second RDM together, which keeps its structure and breaks only its correspondence with the first,
 * and counts permutations whose statistic reaches the observed one (within 1e-12, so that a relabelling that reproduces
 * the observed RDM is not lost to rounding). With n ≤ {@value #EXACT_UP_TO} conditions every one of the n! ≤ 40,320
 * relabellings is enumerated and p = #{reaching} / n! is exact (the identity is among them, so p ≥ 1 / n!); the seed is
 * then unused. Above that, N seeded random relabellings give p = (1 + #{reaching}) / (1 + N), which never reaches 0.
 */
public final class RdmComparison {
    /** Random relabellings when the caller names no number. */
    public static final int DEFAULT_PERMUTATIONS = 1000;
    /** Up to this many conditions, all relabellings are enumerated. */
    public static final int EXACT_UP_TO = 8;
    private static final double TIE_TOLERANCE = 1e-12;

    /**
     * @param value   the statistic (NaN when undefined: fewer than two entries used, or for Spearman a constant RDM)
     * @param entries the upper-triangle entries used (neither RDM NaN there)
     * @param total   the upper-triangle entries, n (n − 1) / 2
     */
    public record Result(RankCorrelation statistic, double value, int entries, int total) {
    }

    /**
     * @param p            one-sided p-value (NaN when the observed statistic is)
     * @param permutations the relabellings compared: n! when exact, N otherwise
     * @param exact        whether every relabelling was enumerated
     */
    public record PermutationTest(Result observed, double p, long permutations, boolean exact) {
    }

    private RdmComparison() {
    }

    /** @throws IllegalArgumentException when the RDMs are not over the same labels in the same order */
    public static Result of(Rdm a, Rdm b, RankCorrelation statistic) {
        a.requireSameLabels(b);
        int[] x = Ranks.dense(a.upperTriangle());
        int[] y = Ranks.dense(b.upperTriangle());
        return new Result(statistic, statistic.ofRanks(x, y), Ranks.count(Ranks.bothPresent(x, y)), x.length);
    }

    /** The permutation test with {@value #DEFAULT_PERMUTATIONS} random relabellings (or all, for few conditions). */
    public static PermutationTest permutationTest(Rdm a, Rdm b, RankCorrelation statistic, long seed) {
        return permutationTest(a, b, statistic, DEFAULT_PERMUTATIONS, seed);
    }

    /**
     * @param permutations N, the random relabellings drawn when there are more than {@value #EXACT_UP_TO} conditions
     * @param seed         seeds the relabellings: the same seed gives the same p
     */
    public static PermutationTest permutationTest(Rdm a, Rdm b, RankCorrelation statistic, int permutations, long seed) {
        if (permutations < 1) {
            throw new IllegalArgumentException("a permutation test needs at least 1 permutation, got " + permutations);
        }
        Result observed = of(a, b, statistic);
        int n = a.size();
        boolean exact = n <= EXACT_UP_TO;
        long count = exact ? LabelPermutations.factorial(n) : permutations;
        if (Double.isNaN(observed.value())) {
            return new PermutationTest(observed, Double.NaN, count, exact);
        }
        int[] x = Ranks.dense(a.upperTriangle());
        double[][] ranksOfB = rankMatrix(b);
        int[] y = new int[x.length];
        double threshold = observed.value() - TIE_TOLERANCE;
        long[] reaching = {0};
        Consumer<int[]> test = perm -> {
            int k = 0;
            for (int i = 0; i < n; i++) {
                double[] row = ranksOfB[perm[i]];
                for (int j = i + 1; j < n; j++) {
                    y[k++] = (int) row[perm[j]];
                }
            }
            if (statistic.ofRanks(x, y) >= threshold) {
                reaching[0]++;
            }
        };
        if (exact) {
            LabelPermutations.all(n, test);
            return new PermutationTest(observed, reaching[0] / (double) count, count, true);
        }
        LabelPermutations.random(n, permutations, seed, test);
        return new PermutationTest(observed, (1 + reaching[0]) / (1.0 + permutations), count, false);
    }

    /** b's entries as dense ranks, in matrix form so that a relabelling reads them by index (exact as doubles). */
    private static double[][] rankMatrix(Rdm b) {
        int n = b.size();
        int[] upper = Ranks.dense(b.upperTriangle());
        return Rdm.symmetric(n, (i, j) -> upper[Rdm.index(n, i, j)]);
    }
}
