package org.tandem.analysis.units;

import java.util.List;

/**
 * What {@code tandem units} found in one layer of one network, as the report shows it.
 *
 * @param network          the network's spec
 * @param trainedFor       what it was trained for ({@code untrained}, {@code …, weights shuffled} for the controls)
 * @param controlOf        the trained network this one is a control of (untrained twin, shuffled copy), or null
 * @param layer            the layer
 * @param units            units tested (every channel × position, or channel means)
 * @param expressionSelective units with an expression effect and no identity effect (Zhou et al.)
 * @param identitySelective   units with an identity effect and no expression effect (the mirror rule)
 * @param both             units with both effects
 * @param neither          units with neither
 * @param constant         units with the same value for every image (no test)
 * @param preferredBySelective how many expression-selective units prefer each expression ({@code expressions} order)
 * @param identity         identity-selective units by Wang et al.'s one-way rule, or null when not computed
 * @param tuningMap        the expression-selective units' tuning map, or null when the layer has none
 * @param decoding         expression decoded from the layer's units, or null when not asked for
 */
public record LayerUnits(String network, String trainedFor, String controlOf, String layer, int units,
                         int expressionSelective, int identitySelective, int both, int neither, int constant,
                         List<String> expressions, int[] preferredBySelective, IdentityCounts identity,
                         TuningMap tuningMap, Decoding decoding) {

    public double expressionShare() {
        return units == 0 ? 0 : (double) expressionSelective / units;
    }

    public double identityShare() {
        return units == 0 ? 0 : (double) identitySelective / units;
    }

    /**
     * Identity-selective units as Wang et al. count them: a one-way ANOVA over identities (p below α), then the
     * identities whose mean response stands more than k SD above the mean of all responses.
     *
     * @param selective       units with an identity effect
     * @param singleIdentity  selective units encoding exactly one identity (SI units)
     * @param multipleIdentity selective units encoding two or more (MI units)
     * @param sdAbove         k
     */
    public record IdentityCounts(int selective, int singleIdentity, int multipleIdentity, double sdAbove) {
    }

    /**
     * Expression read from the layer's units as Zhou et al. do (PCA, then a linear SVM, leave one identity out).
     *
     * @param components  principal components kept (at most the paper's 600, fewer with fewer training images)
     * @param chance      1 / expressions
     * @param selective   from the expression-selective units, null when the layer has too few of them
     * @param all         from every unit
     * @param random      from as many random units as there are selective ones, null with the selective decoding
     * @param shuffled    from the selective units (or all, without them) with the expression labels shuffled
     * @param mannWhitneyP two-sided Mann–Whitney p of the real folds' accuracies against the shuffled ones
     * @param note        why a decoding is missing, or null
     */
    public record Decoding(int components, double chance, Accuracy selective, Accuracy all, Accuracy random,
                           Accuracy shuffled, Double mannWhitneyP, String note) {
    }

    /** Mean accuracy over the leave-one-identity-out folds with its 95 % bootstrap interval over folds. */
    public record Accuracy(int units, int folds, double mean, double sd, double ciLow, double ciHigh) {
    }
}
