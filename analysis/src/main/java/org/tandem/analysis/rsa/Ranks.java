package org.tandem.analysis.rsa;

import java.util.Arrays;

/**
 * Ranks of an RDM's entries. Both of Tandem's RDM statistics depend on the entries only through their order, so an RDM
 * is ranked once, as small integers, and a permutation test or a noise ceiling reuses those ranks instead of sorting
 * doubles again.
 */
final class Ranks {
    /** The rank of a NaN entry: it takes part in nothing. */
    static final int MISSING = -1;

    private Ranks() {
    }

    /** Dense ranks 0 … levels − 1 in ascending order (equal values share one), {@link #MISSING} for NaN. */
    static int[] dense(double[] values) {
        double[] levels = Arrays.stream(values).filter(v -> !Double.isNaN(v)).map(v -> v + 0.0).sorted().distinct()
                .toArray();
        int[] ranks = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            // + 0.0 makes -0.0 and 0.0 one level, as they are equal
            ranks[k] = Double.isNaN(values[k]) ? MISSING : Arrays.binarySearch(levels, values[k] + 0.0);
        }
        return ranks;
    }

    /**
     * 1-based average ranks among the entries that {@code use} keeps (ties share the mean of the ranks they span), NaN
     * elsewhere: a counting pass over the dense ranks, so no sort.
     */
    static double[] average(int[] dense, boolean[] use) {
        int levels = 0;
        for (int k = 0; k < dense.length; k++) {
            if (use[k]) {
                levels = Math.max(levels, dense[k] + 1);
            }
        }
        long[] count = new long[levels];
        for (int k = 0; k < dense.length; k++) {
            if (use[k]) {
                count[dense[k]]++;
            }
        }
        double[] rankOfLevel = new double[levels];
        long below = 0;
        for (int level = 0; level < levels; level++) {
            rankOfLevel[level] = below + (count[level] + 1) / 2.0;
            below += count[level];
        }
        double[] ranks = new double[dense.length];
        for (int k = 0; k < dense.length; k++) {
            ranks[k] = use[k] ? rankOfLevel[dense[k]] : Double.NaN;
        }
        return ranks;
    }

    /** 1-based average ranks of the values that are not NaN, NaN where they are. */
    static double[] average(double[] values) {
        int[] dense = dense(values);
        return average(dense, bothPresent(dense, dense));
    }

    /** Which positions both rank vectors hold (neither entry NaN). */
    static boolean[] bothPresent(int[] x, int[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("RDM statistics need paired entries: " + x.length + " and " + y.length);
        }
        boolean[] use = new boolean[x.length];
        for (int k = 0; k < x.length; k++) {
            use[k] = x[k] != MISSING && y[k] != MISSING;
        }
        return use;
    }

    static int count(boolean[] use) {
        int n = 0;
        for (boolean u : use) {
            if (u) {
                n++;
            }
        }
        return n;
    }
}
