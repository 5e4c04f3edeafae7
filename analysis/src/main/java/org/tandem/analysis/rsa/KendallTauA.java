package org.tandem.analysis.rsa;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Kendall's τ_a, which Nili et al. (2014) recommend for comparing with categorical model RDMs, whose many ties τ_b and
 * Spearman's ρ reward: (concordant − discordant) / (m (m − 1) / 2) over all pairs of the m entries present in both
 * vectors, a pair tied in either vector counting as neither.
 *
 * <p>Counted with Knight's (1966) algorithm in O(m log m), since an image-level RDM has ~194,000 entries (3.8 × 10¹⁰
 * pairs): sort by (x, y); then concordant − discordant = n₀ − n₁ − n₂ + n₃ − 2 · swaps, where n₀ is all pairs, n₁ the
 * pairs tied in x, n₂ those tied in y, n₃ those tied in both, and swaps the discordant pairs, counted as the inversions
 * a merge sort of y removes (pairs tied in x are already in y order, so none of them is counted).
 */
final class KendallTauA {
    private KendallTauA() {
    }

    /** Over the m ≥ 2 positions that {@code use} keeps. */
    static double ofRanks(int[] x, int[] y, boolean[] use, int m) {
        long[] keys = new long[m];
        int at = 0;
        for (int k = 0; k < use.length; k++) {
            if (use[k]) {
                keys[at++] = (long) x[k] << 32 | y[k];
            }
        }
        Arrays.sort(keys);
        long tiedX = tiedPairs(m, k -> keys[k] >>> 32 == keys[k - 1] >>> 32);
        long tiedBoth = tiedPairs(m, k -> keys[k] == keys[k - 1]);
        int[] ys = new int[m];
        for (int k = 0; k < m; k++) {
            ys[k] = (int) keys[k];
        }
        long swaps = sortCountingInversions(ys, new int[m], 0, m);
        long tiedY = tiedPairs(m, k -> ys[k] == ys[k - 1]);
        long all = (long) m * (m - 1) / 2;
        return (all - tiedX - tiedY + tiedBoth - 2 * swaps) / (double) all;
    }

    /** Pairs within runs of equal neighbours: {@code sameAsPrevious(k)} says whether item k equals item k − 1. */
    private static long tiedPairs(int length, IntPredicate sameAsPrevious) {
        long pairs = 0;
        long run = 1;
        for (int k = 1; k <= length; k++) {
            if (k < length && sameAsPrevious.test(k)) {
                run++;
            } else {
                pairs += run * (run - 1) / 2;
                run = 1;
            }
        }
        return pairs;
    }

    /** Sorts {@code a[from, to)} ascending and returns the number of pairs it had in strictly descending order. */
    private static long sortCountingInversions(int[] a, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long inversions = sortCountingInversions(a, scratch, from, mid) + sortCountingInversions(a, scratch, mid, to);
        int i = from;
        int j = mid;
        int out = from;
        while (i < mid && j < to) {
            if (a[j] < a[i]) {
                inversions += mid - i; // a[j] is below every element left in the first half
                scratch[out++] = a[j++];
            } else {
                scratch[out++] = a[i++];
            }
        }
        while (i < mid) {
            scratch[out++] = a[i++];
        }
        while (j < to) {
            scratch[out++] = a[j++];
        }
        System.arraycopy(scratch, from, a, from, to - from);
        return inversions;
    }
}
