package org.tandem.analysis.units;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cao, Wang et al.'s identity-selective units: a one-way ANOVA over identities for every unit of a layer (the images of
 * an identity are its replicates, and identities may have different numbers of images), a unit being identity-selective
 * when p &lt; α (the paper's α is 0.01); among those, the identities a unit <em>encodes</em> are those whose response
 * stands out from the rest, and a unit encoding exactly one is a single-identity (SI) unit, more than one a
 * multiple-identity (MI) unit.
 *
 * <p>The ANOVA, with g identities, n images, nᵢ images of identity i: SS_between = Σᵢ nᵢ (ȳᵢ − ȳ)²,
 * SS_within = Σᵢ Σⱼ (yᵢⱼ − ȳᵢ)², F = (SS_between / (g − 1)) / (SS_within / (n − g)), p the F distribution's upper tail
 * (a regularised incomplete beta, as {@link UnitAnova} computes it). A unit whose value is the same for every image has no
 * F (NaN) and p = NaN: it is {@link Kind#CONSTANT}, never selective. A unit constant within every identity but not across
 * them has F = ∞ and p = 0.
 *
 * <p>"Stands out", as Tandem reads the paper's "the response of an identity was 2 standard deviations (SD) above the mean
 * of responses from all identities": identity i is encoded when its mean response exceeds the mean over all n images by
 * more than k SD, ȳᵢ &gt; ȳ + k·s, where s is the sample SD (n − 1) of the unit's responses to all n images and k = 2 by
 * default. Both the mean and the SD are over images, so with unequal group sizes an identity with more images weighs
 * more. The criterion is computed for every unit ({@link Result#encodedCount()}), but only a selective unit is sorted by
 * it ({@link Result#kind(int)}).
 *
 * <p>The images arrive as rows (one per image, every unit's value), as a network gives them, and are read in two passes
 * (identity sums, then squared deviations), so a 100,000-unit layer needs no copy per unit.
 */
public final class IdentityUnits {
    /** The paper's significance level for the ANOVA. */
    public static final double PAPER_ALPHA = 0.01;
    /** The paper's criterion for an encoded identity: its mean 2 SD above the mean over all images. */
    public static final double PAPER_SD_THRESHOLD = 2;

    /** What a unit is, by its ANOVA and its encoded identities. */
    public enum Kind {
        /** Selective (p &lt; α) and encodes exactly one identity: an SI unit. */
        SINGLE_IDENTITY,
        /** Selective and encodes two or more identities: an MI unit. */
        MULTIPLE_IDENTITY,
        /** Selective, but no identity's mean stands out by the criterion. */
        SELECTIVE_NONE_ENCODED,
        /** p ≥ α. */
        NOT_SELECTIVE,
        /** The same value for every image: no F, no test. */
        CONSTANT;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether a unit of this kind passed the ANOVA (the paper's identity-selective units). */
        public boolean selective() {
            return this == SINGLE_IDENTITY || this == MULTIPLE_IDENTITY || this == SELECTIVE_NONE_ENCODED;
        }
    }

    /**
     * The test of every unit.
     *
     * @param identities   number of identities g
     * @param alpha        the significance level: a unit is selective when p &lt; alpha
     * @param sdThreshold  k of the encoded-identity criterion ȳᵢ &gt; ȳ + k·s
     * @param f            F per unit (NaN for a constant unit, ∞ when every identity is constant on its own)
     * @param p            its p-value (NaN for a constant unit)
     * @param encodedCount how many identities each unit encodes by the criterion, whether or not it is selective
     * @param encoded      the identities each unit encodes, ascending (an empty array for none)
     */
    public record Result(int identities, double alpha, double sdThreshold, double[] f, double[] p, int[] encodedCount,
                         int[][] encoded) {
        public int units() {
            return f.length;
        }

        public boolean constant(int unit) {
            return Double.isNaN(f[unit]);
        }

        /** p &lt; α; never for a constant unit. */
        public boolean selective(int unit) {
            return p[unit] < alpha;
        }

        public Kind kind(int unit) {
            if (constant(unit)) {
                return Kind.CONSTANT;
            }
            if (!selective(unit)) {
                return Kind.NOT_SELECTIVE;
            }
            return switch (Math.min(encodedCount[unit], 2)) {
                case 0 -> Kind.SELECTIVE_NONE_ENCODED;
                case 1 -> Kind.SINGLE_IDENTITY;
                default -> Kind.MULTIPLE_IDENTITY;
            };
        }

        /** How many units are of the given kind. */
        public int count(Kind kind) {
            int count = 0;
            for (int u = 0; u < units(); u++) {
                count += kind(u) == kind ? 1 : 0;
            }
            return count;
        }

        /** How many units are of each kind, every kind present (0 where none). */
        public Map<Kind, Integer> counts() {
            Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                counts.put(kind, 0);
            }
            for (int u = 0; u < units(); u++) {
                counts.merge(kind(u), 1, Integer::sum);
            }
            return counts;
        }

        /** The identity-selective units (SI, MI and those with no encoded identity together). */
        public int selectiveCount() {
            int count = 0;
            for (int u = 0; u < units(); u++) {
                count += selective(u) ? 1 : 0;
            }
            return count;
        }

        /** The indices, ascending, of the units of any of the given kinds: e.g. a unit subset to decode from. */
        public int[] unitsOf(Kind... kinds) {
            boolean[] wanted = new boolean[Kind.values().length];
            for (Kind kind : kinds) {
                wanted[kind.ordinal()] = true;
            }
            int[] out = new int[units()];
            int n = 0;
            for (int u = 0; u < units(); u++) {
                if (wanted[kind(u).ordinal()]) {
                    out[n++] = u;
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    private static final int[] NONE = new int[0];

    private IdentityUnits() {
    }

    /** The test with the paper's α = 0.01 and 2 SD. */
    public static Result of(float[][] rows, int[] identity, int identities) {
        return of(rows, identity, identities, PAPER_ALPHA, PAPER_SD_THRESHOLD);
    }

    /**
     * @param rows        one row per image, each holding every unit's value
     * @param identity    each image's identity, 0 … identities − 1; every identity needs at least one image
     * @param alpha       a unit is selective when p &lt; alpha
     * @param sdThreshold k of the encoded-identity criterion ȳᵢ &gt; ȳ + k·s (0 or more)
     * @throws IllegalArgumentException when an identity has no image, or no identity has two (no within-identity
     *                                  variance to test against)
     */
    public static Result of(float[][] rows, int[] identity, int identities, double alpha, double sdThreshold) {
        int[] count = checkDesign(rows, identity, identities);
        if (!(alpha > 0 && alpha <= 1) || !(sdThreshold >= 0) || Double.isInfinite(sdThreshold)) {
            throw new IllegalArgumentException("alpha must be in (0, 1] and the SD threshold finite and 0 or more, got "
                    + alpha + " and " + sdThreshold);
        }
        int units = rows[0].length;
        int n = rows.length;
        // identity sums, then (divided in place) identity means
        double[][] means = new double[identities][units];
        for (int k = 0; k < n; k++) {
            float[] row = rows[k];
            double[] sum = means[identity[k]];
            for (int u = 0; u < units; u++) {
                sum[u] += row[u];
            }
        }
        double[] grand = new double[units];
        for (double[] sum : means) {
            for (int u = 0; u < units; u++) {
                grand[u] += sum[u];
            }
        }
        for (int u = 0; u < units; u++) {
            grand[u] /= n;
        }
        double[] ssBetween = new double[units];
        for (int i = 0; i < identities; i++) {
            double[] mean = means[i];
            for (int u = 0; u < units; u++) {
                mean[u] /= count[i];
                double d = mean[u] - grand[u];
                ssBetween[u] += count[i] * d * d;
            }
        }
        double[] ssWithin = new double[units];
        for (int k = 0; k < n; k++) {
            float[] row = rows[k];
            double[] mean = means[identity[k]];
            for (int u = 0; u < units; u++) {
                double d = row[u] - mean[u];
                ssWithin[u] += d * d;
            }
        }
        int dfBetween = identities - 1;
        int dfWithin = n - identities;
        double[] f = new double[units];
        double[] p = new double[units];
        double[] threshold = new double[units];
        for (int u = 0; u < units; u++) {
            f[u] = UnitAnova.f(ssBetween[u] / dfBetween, ssWithin[u] / dfWithin);
            p[u] = UnitAnova.upperTail(f[u], dfBetween, dfWithin);
            // SS_total = SS_between + SS_within, both sums of squares, so nothing cancels
            threshold[u] = grand[u] + sdThreshold * Math.sqrt((ssBetween[u] + ssWithin[u]) / (n - 1));
        }
        int[] encodedCount = new int[units];
        for (double[] mean : means) {
            for (int u = 0; u < units; u++) {
                encodedCount[u] += mean[u] > threshold[u] ? 1 : 0;
            }
        }
        int[][] encoded = new int[units][];
        for (int u = 0; u < units; u++) {
            encoded[u] = encodedCount[u] == 0 ? NONE : new int[encodedCount[u]];
        }
        int[] filled = new int[units];
        for (int i = 0; i < identities; i++) {
            double[] mean = means[i];
            for (int u = 0; u < units; u++) {
                if (mean[u] > threshold[u]) {
                    encoded[u][filled[u]++] = i;
                }
            }
        }
        return new Result(identities, alpha, sdThreshold, f, p, encodedCount, encoded);
    }

    /** The number of images of each identity, after checking the design can be tested. */
    private static int[] checkDesign(float[][] rows, int[] identity, int identities) {
        if (identities < 2) {
            throw new IllegalArgumentException("the test needs at least 2 identities, got " + identities);
        }
        if (identity.length != rows.length) {
            throw new IllegalArgumentException(rows.length + " images but " + identity.length + " identities given");
        }
        int[] count = new int[identities];
        for (int k = 0; k < rows.length; k++) {
            if (identity[k] < 0 || identity[k] >= identities) {
                throw new IllegalArgumentException("image " + k + " has identity " + identity[k] + " outside 0.."
                        + (identities - 1));
            }
            if (rows[k].length != rows[0].length) {
                throw new IllegalArgumentException("image " + k + " has " + rows[k].length + " units, image 0 has "
                        + rows[0].length);
            }
            count[identity[k]]++;
        }
        for (int i = 0; i < identities; i++) {
            if (count[i] == 0) {
                throw new IllegalArgumentException("identity " + i + " has no image");
            }
        }
        if (rows.length <= identities) {
            throw new IllegalArgumentException(rows.length + " images of " + identities + " identities: the test needs"
                    + " at least one identity with two or more images");
        }
        return count;
    }
}
