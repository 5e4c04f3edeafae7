package org.tandem.analysis.rsa;

/**
 * Spearman's ρ: Pearson's correlation of the average ranks (ties share the mean of the ranks they span), taken over the
 * entries present in both vectors and ranked among those only, as {@code scipy.stats.spearmanr} does after NaN pairs are
 * dropped. NaN when fewer than two entries remain or either vector is constant over them.
 */
final class Spearman {
    private Spearman() {
    }

    /** Over the n ≥ 2 positions that {@code use} keeps. */
    static double ofRanks(int[] x, int[] y, boolean[] use, int n) {
        double[] rx = Ranks.average(x, use);
        double[] ry = Ranks.average(y, use);
        // every set of n average ranks has the mean (n + 1) / 2
        double mean = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < use.length; k++) {
            if (use[k]) {
                double dx = rx[k] - mean;
                double dy = ry[k] - mean;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
