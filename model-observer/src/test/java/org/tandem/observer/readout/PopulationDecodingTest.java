package org.tandem.observer.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;

/**
 * Population decoding: its folds, the cap on components, and a synthetic layer whose class information lives in a few
 * units among many noise units.
 */
class PopulationDecodingTest {
    private static final int IDENTITIES = 12;
    private static final int CLASSES = 4;
    private static final int IMAGES_PER_CLASS = 2;
    private static final int UNITS = 1000;
    /** The units that carry the class: every 100th. */
    private static final int[] INFORMATIVE = IntStream.range(0, 10).map(i -> i * 100 + 7).toArray();

    /**
     * 12 identities × 4 classes × 2 images; every unit has an identity offset (SD 1, a nuisance shared by the identity's
     * images) and noise (SD 1); the informative units add a class mean (SD 2) shared by all identities.
     */
    private record Layer(float[][] rows, int[] labels, int[] groups) {
        static Layer synthetic(long seed) {
            Random random = new Random(seed);
            double[][] classMean = new double[CLASSES][UNITS];
            for (double[] m : classMean) {
                for (int u : INFORMATIVE) {
                    m[u] = 2 * random.nextGaussian();
                }
            }
            int n = IDENTITIES * CLASSES * IMAGES_PER_CLASS;
            float[][] rows = new float[n][UNITS];
            int[] labels = new int[n];
            int[] groups = new int[n];
            for (int g = 0; g < IDENTITIES; g++) {
                double[] offset = new double[UNITS];
                for (int u = 0; u < UNITS; u++) {
                    offset[u] = random.nextGaussian();
                }
                for (int k = 0; k < CLASSES * IMAGES_PER_CLASS; k++) {
                    int i = g * CLASSES * IMAGES_PER_CLASS + k;
                    groups[i] = g;
                    labels[i] = k % CLASSES;
                    for (int u = 0; u < UNITS; u++) {
                        rows[i][u] = (float) (classMean[labels[i]][u] + offset[u] + random.nextGaussian());
                    }
                }
            }
            return new Layer(rows, labels, groups);
        }
    }

    @Test
    void theInformativeUnitsDecodeTheClassAndNoiseUnitsAndShuffledLabelsDoNot() {
        Layer layer = Layer.synthetic(11);
        PopulationDecoding.Options options = new PopulationDecoding.Options(600, 1, 5, 2000, 3);

        PopulationDecoding.Study study = PopulationDecoding.study(layer.rows(), layer.labels(), CLASSES, layer.groups(),
                INFORMATIVE, options);

        PopulationDecoding.Decoding real = study.decoding();
        assertThat(real.folds()).isEqualTo(IDENTITIES);
        assertThat(real.heldOut()).containsExactly(IntStream.range(0, IDENTITIES).toArray());
        assertThat(real.components()).containsOnly(INFORMATIVE.length); // k capped at the 10 units
        assertThat(real.chance()).isEqualTo(0.25);
        assertThat(real.mean()).isGreaterThan(0.9);
        assertThat(real.ciLow()).isGreaterThan(0.8).isLessThanOrEqualTo(real.mean());
        assertThat(real.ciHigh()).isGreaterThanOrEqualTo(real.mean()).isLessThanOrEqualTo(1);
        assertThat(real.sd()).isCloseTo(sampleSd(real.foldAccuracy()), within(1e-12));

        assertThat(study.shuffled()).hasSize(5);
        double[] shuffled = study.shuffledFoldAccuracy();
        assertThat(shuffled).hasSize(5 * IDENTITIES);
        assertThat(Arrays.stream(shuffled).average().orElseThrow()).isCloseTo(0.25, within(0.1));
        assertThat(study.shuffledP()).isLessThan(1e-6);

        // the random units are 10 distinct units, drawn from all 1,000: they decode near chance
        assertThat(study.randomUnitIndices()).hasSize(10).doesNotHaveDuplicates().isSorted();
        assertThat(study.randomUnits().mean()).isCloseTo(0.25, within(0.15));
        assertThat(study.randomUnitsP()).isLessThan(1e-3);

        // so do ten noise units chosen by hand
        PopulationDecoding.Decoding noise = PopulationDecoding.decode(layer.rows(), layer.labels(), CLASSES,
                layer.groups(), IntStream.range(10, 20).toArray(), options);
        assertThat(noise.mean()).isCloseTo(0.25, within(0.15));

        // the same seed, the same study
        PopulationDecoding.Study again = PopulationDecoding.study(layer.rows(), layer.labels(), CLASSES,
                layer.groups(), INFORMATIVE, options);
        assertThat(again.shuffledFoldAccuracy()).containsExactly(shuffled);
        assertThat(again.randomUnitIndices()).containsExactly(study.randomUnitIndices());
        assertThat(again.decoding().ciLow()).isEqualTo(real.ciLow());
    }

    @Test
    void decodingFromAllUnitsHasNoRandomUnitBaseline() {
        Layer layer = Layer.synthetic(12);
        PopulationDecoding.Study study = PopulationDecoding.study(layer.rows(), layer.labels(), CLASSES,
                layer.groups(), PopulationDecoding.allUnits(UNITS), new PopulationDecoding.Options(20, 1, 0, 100, 1));
        assertThat(study.randomUnits()).isNull();
        assertThat(study.shuffled()).isEmpty();
        assertThat(study.shuffledP()).isNaN();
        assertThat(study.decoding().components()).containsOnly(20);
    }

    @Test
    void eachGroupIsHeldOutOnceAndNeverTrainedOnInItsOwnFold() {
        int[] groups = {5, 5, 2, 9, 2, 5, 9, 0, 12, 2, 0};
        List<PopulationDecoding.Fold> folds = PopulationDecoding.folds(groups);
        assertThat(folds.stream().map(PopulationDecoding.Fold::group).toList()).containsExactly(0, 2, 5, 9, 12);
        int[] tested = new int[groups.length];
        for (PopulationDecoding.Fold fold : folds) {
            Set<Integer> trained = new HashSet<>();
            Arrays.stream(fold.train()).forEach(i -> trained.add(groups[i]));
            assertThat(trained).doesNotContain(fold.group()).hasSize(4);
            for (int i : fold.test()) {
                assertThat(groups[i]).isEqualTo(fold.group());
                tested[i]++;
            }
            assertThat(fold.train().length + fold.test().length).isEqualTo(groups.length);
        }
        assertThat(tested).containsOnly(1);
        assertThatThrownBy(() -> PopulationDecoding.folds(new int[] {3, 3, 3})).isInstanceOf(TandemException.class)
                .hasMessageContaining("needs at least 2");
    }

    @Test
    void componentsAreCappedByTrainingRowsAndUnits() {
        Layer layer = Layer.synthetic(13);
        // 3 identities: each fold trains on 2 × 8 = 16 rows, so at most 15 components
        int[] rows = IntStream.range(0, 3 * CLASSES * IMAGES_PER_CLASS).toArray();
        float[][] few = Arrays.stream(rows).mapToObj(i -> layer.rows()[i]).toArray(float[][]::new);
        int[] labels = Arrays.copyOf(layer.labels(), rows.length);
        int[] groups = Arrays.copyOf(layer.groups(), rows.length);
        PopulationDecoding.Options paper = PopulationDecoding.Options.paper(7);
        assertThat(PopulationDecoding.decode(few, labels, CLASSES, groups, PopulationDecoding.allUnits(UNITS), paper)
                .components()).containsExactly(15, 15, 15);
        assertThat(PopulationDecoding.decode(few, labels, CLASSES, groups, new int[] {3, 1, 4, 15, 9}, paper)
                .components()).containsExactly(5, 5, 5);
        assertThat(PopulationDecoding.decode(few, labels, CLASSES, groups, INFORMATIVE,
                new PopulationDecoding.Options(4, 1, 0, 10, 7)).components()).containsExactly(4, 4, 4);
    }

    @Test
    void badInputIsRefused() {
        float[][] rows = new float[4][3];
        int[] groups = {0, 0, 1, 1};
        PopulationDecoding.Options options = PopulationDecoding.Options.paper(1);
        assertThatThrownBy(() -> PopulationDecoding.decode(rows, new int[] {0, 1, 0, 2}, 2, groups, new int[] {0},
                options)).hasMessage("row 3 has class 2 outside 0..1");
        assertThatThrownBy(() -> PopulationDecoding.decode(rows, new int[] {0, 1, 0, 1}, 2, groups, new int[] {0, 0},
                options)).hasMessage("unit 0 is outside 0..2 or given twice");
        assertThatThrownBy(() -> new PopulationDecoding.Options(0, 1, 0, 1, 1)).hasMessageContaining("components ≥ 1");
    }

    private static double sampleSd(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }
}
