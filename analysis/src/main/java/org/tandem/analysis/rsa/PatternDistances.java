package org.tandem.analysis.rsa;

/**
 * Distances between activation patterns (rows: conditions, columns: units), read straight from the float rows a network
 * gives, so a large layer needs no copy; sums are taken in double.
 */
final class PatternDistances {
    private PatternDistances() {
    }

    /**
     * 1 − Pearson r, the correlation distance of {@code scipy.spatial.distance.pdist(metric='correlation')}, with r kept
     * within [−1, 1] against rounding. A constant pattern has no r: its entries are NaN (its diagonal stays 0).
     */
    static double[][] correlation(float[][] patterns) {
        int n = patterns.length;
        double[] mean = new double[n];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = mean(patterns[i]);
            double ss = 0;
            for (float v : patterns[i]) {
                ss += (v - mean[i]) * (v - mean[i]);
            }
            norm[i] = Math.sqrt(ss);
        }
        return Rdm.symmetric(n, (i, j) -> {
            if (norm[i] == 0 || norm[j] == 0) {
                return Double.NaN;
            }
            float[] a = patterns[i];
            float[] b = patterns[j];
            double sab = 0;
            for (int u = 0; u < a.length; u++) {
                sab += (a[u] - mean[i]) * (b[u] - mean[j]);
            }
            return 1 - Math.max(-1, Math.min(1, sab / (norm[i] * norm[j])));
        });
    }

    /** Euclidean distance. */
    static double[][] euclidean(float[][] patterns) {
        return Rdm.symmetric(patterns.length, (i, j) -> {
            float[] a = patterns[i];
            float[] b = patterns[j];
            double ss = 0;
            for (int u = 0; u < a.length; u++) {
                double d = (double) a[u] - b[u];
                ss += d * d;
            }
            return Math.sqrt(ss);
        });
    }

    /** @throws IllegalArgumentException unless there is one pattern per label, all of one length ≥ 1 */
    static void check(int labels, float[][] patterns) {
        if (patterns.length != labels) {
            throw new IllegalArgumentException(patterns.length + " patterns for " + labels + " conditions: an RDM needs"
                    + " one pattern (row) per condition");
        }
        int units = patterns[0].length;
        if (units == 0) {
            throw new IllegalArgumentException("the patterns have no units (columns)");
        }
        for (int i = 1; i < patterns.length; i++) {
            if (patterns[i].length != units) {
                throw new IllegalArgumentException("pattern " + i + " has " + patterns[i].length + " units, pattern 0 has "
                        + units + ": every condition's pattern needs the same units");
            }
        }
    }

    private static double mean(float[] row) {
        double sum = 0;
        for (float v : row) {
            sum += v;
        }
        return sum / row.length;
    }
}
