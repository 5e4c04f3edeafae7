package org.tandem.observer.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.SplitMix64;

/** Folds by identity, and choosing C by cross-validation. */
class GroupCrossValidationTest {

    private static List<String> groups(int identities, int imagesEach) {
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < identities; g++) {
            for (int i = 0; i < imagesEach; i++) {
                groups.add("id" + g);
            }
        }
        return groups;
    }

    @Test
    void noIdentityIsEverInBothTrainingAndTestAndEveryRowIsTestedOnce() {
        for (int identities : new int[] {2, 5, 12, 13, 24}) {
            List<String> groups = groups(identities, 4);
            int folds = GroupKFold.defaultFolds(identities);
            assertThat(folds).isEqualTo(identities <= 12 ? identities : 6);
            List<GroupKFold.Fold> split = GroupKFold.split(groups, folds, 3, "identities");
            assertThat(split).hasSize(folds);
            int[] tested = new int[groups.size()];
            for (GroupKFold.Fold fold : split) {
                Set<String> train = new HashSet<>();
                Arrays.stream(fold.train()).forEach(i -> train.add(groups.get(i)));
                Arrays.stream(fold.test()).forEach(i -> {
                    assertThat(train).doesNotContain(groups.get(i));
                    tested[i]++;
                });
                assertThat(fold.train().length + fold.test().length).isEqualTo(groups.size());
            }
            assertThat(tested).containsOnly(1);
        }
    }

    @Test
    void theSplitIsFixedByTheSeedAndFoldsAreBalanced() {
        List<String> groups = groups(24, 6);
        List<GroupKFold.Fold> a = GroupKFold.split(groups, 6, 1, "identities");
        List<GroupKFold.Fold> b = GroupKFold.split(groups, 6, 1, "identities");
        List<GroupKFold.Fold> c = GroupKFold.split(groups, 6, 2, "identities");
        for (int f = 0; f < 6; f++) {
            assertThat(a.get(f).test()).isEqualTo(b.get(f).test()).hasSize(24);
        }
        assertThat(IntStream.range(0, 6).anyMatch(f -> !Arrays.equals(a.get(f).test(), c.get(f).test()))).isTrue();
    }

    @Test
    void impossibleSplitsAreOneLine() {
        assertThatThrownBy(() -> GroupKFold.split(groups(1, 3), 2, 0, "identities")).isInstanceOf(TandemException.class)
                .hasMessageContaining("needs at least 2");
        assertThatThrownBy(() -> GroupKFold.split(groups(4, 3), 5, 0, "identities")).isInstanceOf(TandemException.class)
                .hasMessage("readout folds must be 2..4 (the number of identities), got 5");
    }

    /**
     * Each identity shifts all its rows by its own offset (a nuisance as large as the signal) and the class sits in one
     * feature with noise, so the readout must generalise across identities; a tiny C cannot fit and loses.
     */
    @Test
    void crossValidationPicksAWorkableCReportsFoldsAndIsDeterministic() {
        int identities = 8;
        SplitMix64 random = new SplitMix64(4);
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < identities; g++) {
            float offset = (float) (4 * uniform(random) - 2);
            for (int k = 0; k < 3; k++) {
                for (int rep = 0; rep < 3; rep++) {
                    rows.add(new float[] {offset + (float) uniform(random), k + offset + 0.6f * (float) uniform(random),
                            (float) uniform(random)});
                    labels.add(k);
                    groups.add("id" + g);
                }
            }
        }
        // the second feature minus the first carries the class; a linear readout can subtract them
        LabelledRows data = new LabelledRows(rows.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                groups, 3);
        for (ClassifierKind kind : ClassifierKind.LINEAR) {
            ReadoutOptions options = new ReadoutOptions(kind, new double[] {1e-5, 1, 100}, ReadoutLabels.EXPRESSION,
                    CrossValidation.defaultFor(ReadoutLabels.EXPRESSION), 8);
            ReadoutFit fit = ReadoutTrainer.train(data, options);
            assertThat(fit.foldAccuracy()).as(kind + " leave-one-identity-out").hasSize(identities);
            assertThat(fit.cvAccuracy()).isCloseTo(Arrays.stream(fit.foldAccuracy()).average().orElseThrow(), within(1e-12));
            assertThat(fit.gridAccuracy()[0]).as(kind + " at C=1e-5").isLessThan(0.5);
            assertThat(fit.cvAccuracy()).as(kind + " %s", Arrays.toString(fit.gridAccuracy())).isGreaterThan(0.8);
            assertThat(fit.c()).isGreaterThan(1e-5);
            assertThat(((LinearModel) ReadoutTrainer.train(data, options).model()).weights())
                    .isDeepEqualTo(((LinearModel) fit.model()).weights());
        }
    }

    private static double uniform(SplitMix64 random) {
        return (random.nextLong() >>> 11) * 0x1.0p-53 - 0.5;
    }
}
