package org.tandem.analysis.units;

import java.util.Arrays;
import org.tandem.protocols.plan.SplitMix64;

/**
 * Times the per-unit tests at the paper's size: 100,000 units × 624 images (104 identities × 6 expressions, one image
 * each), the values seeded uniform noise with an expression effect in a tenth of the units, the same on every machine.
 * One timing covers the two-way ANOVA and the tuning values of every unit; {@link #identity} times the identity-selective
 * units' one-way ANOVA and encoded identities on the same design, with one identity raised in another tenth.
 */
public final class UnitAnovaBenchmark {
    public static final int UNITS = 100_000;
    public static final int IDENTITIES = 104;
    public static final int EXPRESSIONS = 6;

    /** Median and fastest milliseconds, and how many units the test called expression-selective (a check). */
    public record Timing(int units, int images, double medianMs, double minMs, int expressionSelective) {
    }

    /** Median and fastest milliseconds, and how many units were identity-selective and single-identity (checks). */
    public record IdentityTiming(int units, int images, double medianMs, double minMs, int identitySelective,
                                 int singleIdentity) {
    }

    private UnitAnovaBenchmark() {
    }

    public static Timing run(int repetitions, Runnable step) {
        int images = IDENTITIES * EXPRESSIONS;
        int[] identity = new int[images];
        int[] expression = new int[images];
        float[][] rows = rows(identity, expression, false);
        double[] ms = new double[repetitions];
        int selective = 0;
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            UnitAnova.Result anova = UnitAnova.of(rows, identity, expression, IDENTITIES, EXPRESSIONS);
            UnitTuning.of(rows, expression, EXPRESSIONS);
            ms[r] = (System.nanoTime() - start) / 1e6;
            selective = 0;
            for (int u = 0; u < UNITS; u++) {
                selective += Selectivity.of(anova, u, Selectivity.PAPER_ALPHA, Selectivity.PAPER_ALPHA)
                        == Selectivity.EXPRESSION ? 1 : 0;
            }
            step.run();
        }
        Arrays.sort(ms);
        return new Timing(UNITS, images, ms[repetitions / 2], ms[0], selective);
    }

    /** The identity-selective units of every unit: 10,000 units have one identity raised by 3 (the noise's SD is 0.58). */
    public static IdentityTiming identity(int repetitions, Runnable step) {
        int images = IDENTITIES * EXPRESSIONS;
        int[] identity = new int[images];
        float[][] rows = rows(identity, new int[images], true);
        double[] ms = new double[repetitions];
        IdentityUnits.Result result = null;
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            result = IdentityUnits.of(rows, identity, IDENTITIES);
            ms[r] = (System.nanoTime() - start) / 1e6;
            step.run();
        }
        Arrays.sort(ms);
        return new IdentityTiming(UNITS, images, ms[repetitions / 2], ms[0], result.selectiveCount(),
                result.count(IdentityUnits.Kind.SINGLE_IDENTITY));
    }

    /**
     * The seeded values, filling each image's identity and expression: uniform noise on [−1, 1), an expression effect
     * in every unit u with u mod 10 = 0 and, if asked, identity (u / 10) mod 104 raised by 3 in every unit with
     * u mod 10 = 5.
     */
    private static float[][] rows(int[] identity, int[] expression, boolean identityEffect) {
        float[][] rows = new float[identity.length][UNITS];
        SplitMix64 random = new SplitMix64(20261204);
        for (int k = 0; k < rows.length; k++) {
            identity[k] = k / EXPRESSIONS;
            expression[k] = k % EXPRESSIONS;
            for (int u = 0; u < UNITS; u++) {
                double noise = ((random.nextLong() >>> 11) * 0x1.0p-53 - 0.5) * 2;
                double raised = identityEffect && u % 10 == 5 && identity[k] == (u / 10) % IDENTITIES ? 3 : 0;
                rows[k][u] = (float) (noise + (u % 10 == 0 ? 0.3 * expression[k] : 0) + raised);
            }
        }
        return rows;
    }
}
