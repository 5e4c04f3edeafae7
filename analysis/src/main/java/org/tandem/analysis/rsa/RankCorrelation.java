package org.tandem.analysis.rsa;

/**
 * The statistic that compares two RDMs. Both are rank correlations, because an RDM from a network's units and one from
 * people's confusions share no scale, only (at best) an order. Entries where either RDM is NaN are left out.
 */
public enum RankCorrelation {
    /** Spearman's ρ with average ranks for ties; NaN when either vector is constant over the entries used. */
    SPEARMAN("Spearman ρ") {
        @Override
        double compute(int[] x, int[] y, boolean[] use, int n) {
            return Spearman.ofRanks(x, y, use, n);
        }
    },
    /** Kendall's τ_a, Nili et al.'s (2014) choice when a model RDM is categorical (many ties); 0 for a constant vector. */
    KENDALL_TAU_A("Kendall τ_a") {
        @Override
        double compute(int[] x, int[] y, boolean[] use, int n) {
            return KendallTauA.ofRanks(x, y, use, n);
        }
    };

    private final String label;

    RankCorrelation(String label) {
        this.label = label;
    }

    /** The name a report prints. */
    public String label() {
        return label;
    }

    /**
     * The statistic over the positions where neither value is NaN; NaN when fewer than two remain.
     *
     * @throws IllegalArgumentException when the vectors differ in length
     */
    public double of(double[] x, double[] y) {
        return ofRanks(Ranks.dense(x), Ranks.dense(y));
    }

    /** The statistic from dense ranks ({@link Ranks#dense}), {@link Ranks#MISSING} for NaN. */
    final double ofRanks(int[] x, int[] y) {
        boolean[] use = Ranks.bothPresent(x, y);
        int n = Ranks.count(use);
        return n < 2 ? Double.NaN : compute(x, y, use, n);
    }

    /** The statistic over the n ≥ 2 positions that {@code use} keeps. */
    abstract double compute(int[] x, int[] y, boolean[] use, int n);
}
