package org.tandem.observer.readout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.tandem.protocols.plan.SplitMix64;

/**
 * Times the linear readouts' fits at the sizes Tandem trains them: one training fold of the default readout set (24
 * identities × 6 expressions, 6 folds by identity: 120 rows) at the widths of the networks' default layers, an identity
 * readout (24 classes), and a set five times larger. The rows are seeded Gaussian clusters, separated about as well as
 * real features (held-out accuracy between about 0.3 and 0.8, printed beside the times), so every solver faces the same
 * problem on every machine.
 * One timing is the whole grid of C a readout searches ({@link ReadoutOptions#DEFAULT_GRID}).
 */
public final class ReadoutBenchmark {

    /** A problem size: training rows, features, classes, and what it stands for. */
    public record Size(String name, int rows, int features, int classes) {
    }

    /**
     * Median and fastest milliseconds for the grid, per readout kind, and the best accuracy over the grid on as many
     * held-out rows of the same classes (so that a fast solver is seen to fit as well).
     */
    public record Timing(Size size, ClassifierKind kind, double medianMs, double minMs, double heldOutAccuracy) {
    }

    public static final List<Size> SIZES = List.of(
            new Size("expression, descriptor (face-api recognition)", 120, 128, 6),
            new Size("expression, embedding (mobilefacenet)", 120, 192, 6),
            new Size("expression, pooled (centernet)", 120, 720, 6),
            new Size("identity, embedding (mobilefacenet)", 120, 192, 24),
            new Size("expression, 5x the images (faceres)", 600, 1024, 6));

    private ReadoutBenchmark() {
    }

    /** Runs {@code warmup} untimed and {@code repetitions} timed grids per size and kind; {@code step} after each. */
    public static List<Timing> run(List<Size> sizes, List<ClassifierKind> kinds, int repetitions, int warmup,
                                   IntConsumer step) {
        List<Timing> timings = new ArrayList<>();
        for (Size size : sizes) {
            int[] labels = new int[size.rows()];
            int[] heldOutLabels = new int[size.rows()];
            float[][][] drawn = clusters(size, labels, heldOutLabels);
            float[][] rows = drawn[0];
            for (ClassifierKind kind : kinds) {
                double[] ms = new double[repetitions];
                double best = 0;
                for (int r = -warmup; r < repetitions; r++) {
                    long start = System.nanoTime();
                    TrainingFold fold = kind.prepare(rows, labels, size.classes(), 1);
                    List<ReadoutModel> models = new ArrayList<>();
                    for (double c : ReadoutOptions.DEFAULT_GRID) {
                        models.add(fold.fit(Hyperparameters.linear(c)));
                    }
                    if (r >= 0) {
                        ms[r] = (System.nanoTime() - start) / 1e6;
                    }
                    for (ReadoutModel model : models) {
                        best = Math.max(best, accuracy(model, drawn[1], heldOutLabels));
                    }
                    step.accept(1);
                }
                Arrays.sort(ms);
                timings.add(new Timing(size, kind, ms[repetitions / 2], ms[0], best));
            }
        }
        return timings;
    }

    /**
     * Training and held-out rows: class k's rows scattered around a seeded centre; centres spread so that the classes
     * overlap partly.
     */
    static float[][][] clusters(Size size, int[] labels, int[] heldOutLabels) {
        SplitMix64 random = new SplitMix64(size.rows() * 31L + size.features() * 7L + size.classes());
        double spread = 3.0 / Math.sqrt(size.features());
        double[][] centres = new double[size.classes()][size.features()];
        for (double[] centre : centres) {
            for (int j = 0; j < centre.length; j++) {
                centre[j] = spread * gaussian(random);
            }
        }
        float[][][] rows = new float[2][size.rows()][size.features()];
        for (int set = 0; set < 2; set++) {
            int[] of = set == 0 ? labels : heldOutLabels;
            for (int i = 0; i < size.rows(); i++) {
                of[i] = i % size.classes();
                for (int j = 0; j < size.features(); j++) {
                    rows[set][i][j] = (float) (centres[of[i]][j] + gaussian(random));
                }
            }
        }
        return rows;
    }

    private static double gaussian(SplitMix64 random) {
        double u = ((random.nextLong() >>> 11) + 1) * 0x1.0p-53;
        double v = (random.nextLong() >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double accuracy(ReadoutModel model, float[][] rows, int[] labels) {
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            correct += model.predict(rows[i]) == labels[i] ? 1 : 0;
        }
        return (double) correct / rows.length;
    }
}
