package org.tandem.observer.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.plan.SplitMix64;

/** The RBF-kernel SVM readout (LIBSVM) where a linear readout cannot succeed, and its determinism. */
class RbfSvmReadoutTest {

    /**
     * Two classes in an XOR pattern: class 1 where the first two features have the same sign. No line separates them, so
     * the linear readouts stay near chance while the Gaussian kernel reads the pattern out; held-out groups keep it
     * honest.
     */
    private static LabelledRows xor(long seed) {
        SplitMix64 random = new SplitMix64(seed);
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            float x = (float) (2 * uniform(random));
            float y = (float) (2 * uniform(random));
            if (Math.abs(x) < 0.1 || Math.abs(y) < 0.1) {
                continue;
            }
            rows.add(new float[] {x, y, (float) uniform(random)});
            labels.add(x * y > 0 ? 1 : 0);
            groups.add("g" + i % 8);
        }
        return new LabelledRows(rows.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                groups, 2);
    }

    @Test
    void theKernelReadsOutWhatNoLineSeparates() {
        LabelledRows data = xor(4);
        ReadoutFit rbf = ReadoutTrainer.train(data, ReadoutOptions.of(ClassifierKind.RBF_SVM, 3));
        ReadoutFit linear = ReadoutTrainer.train(data, ReadoutOptions.of(ClassifierKind.SVM, 3));
        assertThat(rbf.cvAccuracy()).as("rbf %s", Arrays.toString(rbf.gridAccuracy())).isGreaterThan(0.85);
        assertThat(linear.cvAccuracy()).as("linear").isLessThan(0.7);
        assertThat(rbf.grid()).hasSize(ReadoutOptions.DEFAULT_GRID.length * 3);
        assertThat(rbf.chosen().hasGamma()).isTrue();
        assertThat(rbf.grid()).contains(new Hyperparameters(1, 1.0 / 3));
        assertThat(rbf.folds()).isEqualTo("8 folds by identity");
        // decision values are one per class, positive for the class the machine answers
        float[] sameSign = {1.2f, 0.9f, 0};
        float[] otherSign = {-1.2f, 0.9f, 0};
        assertThat(rbf.model().predict(sameSign)).isEqualTo(1);
        assertThat(rbf.model().predict(otherSign)).isEqualTo(0);
        assertThat(rbf.model().decisionValues(sameSign)[1]).isPositive();
        assertThat(rbf.model().decisionValues(sameSign)[0]).isNegative();
        assertThat(Arrays.stream(rbf.model().probabilities(sameSign)).sum()).isCloseTo(1, within(1e-12));
    }

    @Test
    void theSameRowsAndSeedGiveTheSameReadout() {
        LabelledRows data = xor(9);
        ReadoutFit a = ReadoutTrainer.train(data, ReadoutOptions.of(ClassifierKind.RBF_SVM, 5));
        ReadoutFit b = ReadoutTrainer.train(data, ReadoutOptions.of(ClassifierKind.RBF_SVM, 5));
        assertThat(a.chosen()).isEqualTo(b.chosen());
        assertThat(a.gridAccuracy()).isEqualTo(b.gridAccuracy());
        for (float[] row : data.rows()) {
            assertThat(a.model().decisionValues(row)).isEqualTo(b.model().decisionValues(row));
        }
    }

    @Test
    void aClassMissingFromATrainingFoldIsNeverAnswered() {
        float[][] rows = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        ReadoutModel model = ClassifierKind.RBF_SVM.train(rows, new int[] {0, 0, 1, 1}, 3, new Hyperparameters(1, 1), 0);
        assertThat(model.classes()).isEqualTo(3);
        assertThat(model.decisionValues(new float[] {0, 0.5f})[2]).isEqualTo(-1);
        assertThat(model.predict(new float[] {0, 0.5f})).isZero();
        assertThat(model.predict(new float[] {1, 0.5f})).isEqualTo(1);
    }

    private static double uniform(SplitMix64 random) {
        return (random.nextLong() >>> 11) * 0x1.0p-53 - 0.5;
    }
}
