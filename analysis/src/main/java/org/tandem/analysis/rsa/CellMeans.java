package org.tandem.analysis.rsa;

import java.util.Arrays;

/**
 * Entry-by-entry means of several RDMs' upper triangles that skip NaN: an entry missing for one participant (a
 * condition they never saw) is the mean of those who have it, and NaN only when nobody has it. Keeps sums and counts,
 * so the leave-one-out mean of Nili et al.'s lower bound costs one pass per participant.
 */
final class CellMeans {
    private final double[] sums;
    private final int[] counts;

    CellMeans(int length) {
        sums = new double[length];
        counts = new int[length];
    }

    void add(double[] values) {
        for (int k = 0; k < sums.length; k++) {
            if (!Double.isNaN(values[k])) {
                sums[k] += values[k];
                counts[k]++;
            }
        }
    }

    double[] mean() {
        double[] nothing = new double[sums.length];
        Arrays.fill(nothing, Double.NaN); // leaving out an all-NaN vector leaves out nothing
        return meanWithout(nothing);
    }

    /** The mean of all added vectors but {@code added}, which must be one of them. */
    double[] meanWithout(double[] added) {
        double[] mean = new double[sums.length];
        for (int k = 0; k < sums.length; k++) {
            boolean present = !Double.isNaN(added[k]);
            int count = counts[k] - (present ? 1 : 0);
            mean[k] = count == 0 ? Double.NaN : (sums[k] - (present ? added[k] : 0)) / count;
        }
        return mean;
    }
}
