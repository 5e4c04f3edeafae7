package org.tandem.analysis.units;

import java.util.Arrays;
import org.tandem.protocols.plan.SplitMix64;

/**
 * Times the per-unit test at the paper's size: 100,000 units × 624 images (104 identities × 6 expressions, one image
 * each), the values seeded Gaussian noise with an expression effect in a tenth of the units, the same on every machine.
 * One timing covers the ANOVA and the tuning values of every unit.
 */
public final class UnitAnovaBenchmark {
    public static final int UNITS = 100_000;
    public static final int IDENTITIES = 104;
    public static final int EXPRESSIONS = 6;

    /** Median and fastest milliseconds, and how many units the test called expression-selective (a check). */
    public record Timing(int units, int images, double medianMs, double minMs, int expressionSelective) {
    }

    private UnitAnovaBenchmark() {
    }

    public static Timing run(int repetitions, Runnable step) {
        int images = IDENTITIES * EXPRESSIONS;
        float[][] rows = new float[images][UNITS];
        int[] identity = new int[images];
        int[] expression = new int[images];
        SplitMix64 random = new SplitMix64(20261204);
        for (int k = 0; k < images; k++) {
            identity[k] = k / EXPRESSIONS;
            expression[k] = k % EXPRESSIONS;
            for (int u = 0; u < UNITS; u++) {
                double noise = ((random.nextLong() >>> 11) * 0x1.0p-53 - 0.5) * 2;
                rows[k][u] = (float) (noise + (u % 10 == 0 ? 0.3 * expression[k] : 0));
            }
        }
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
}
