package org.tandem.analysis.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The RDM factories on cases worked by hand, and the shapes they refuse. */
class RdmTest {
    private static final double NAN = Double.NaN;
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void upperTriangleIsRowMajorAboveTheDiagonal() {
        double[][] m = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                m[i][j] = i == j ? 0 : 10 * Math.min(i, j) + Math.max(i, j);
            }
        }
        Rdm rdm = Rdm.of(List.of("w", "x", "y", "z"), m);
        assertThat(rdm.upperTriangle()).containsExactly(1, 2, 3, 12, 13, 23);
        assertThat(Rdm.fromUpperTriangle(rdm.labels(), rdm.upperTriangle()).values()).isDeepEqualTo(m);
    }

    @Test
    void correlationDistanceIsOneMinusPearsonAndNanForAConstantPattern() {
        float[][] patterns = {{1, 2, 3}, {3, 2, 1}, {1, 2, 4}, {5, 5, 5}};
        Rdm rdm = Rdm.correlation(List.of("a", "b", "c", "flat"), patterns);
        // a and b are mirror images: r = −1, d = 2
        assertThat(rdm.get(0, 1)).isCloseTo(2, within(1e-15));
        // a − mean (−1, 0, 1), c − mean (−4/3, −1/3, 5/3): Σ = 3, |a|² = 2, |c|² = 14/3, r = 3 / √(28/3)
        double r = 3 / Math.sqrt(28 / 3.0);
        assertThat(rdm.get(0, 2)).isCloseTo(1 - r, within(1e-15));
        assertThat(rdm.get(1, 2)).isCloseTo(1 + r, within(1e-15));
        assertThat(rdm.get(3, 0)).isNaN();
        assertThat(rdm.get(2, 3)).isNaN();
        assertThat(rdm.get(3, 3)).isZero();
    }

    @Test
    void euclideanDistance() {
        Rdm rdm = Rdm.euclidean(ABC, new float[][] {{0, 0}, {3, 4}, {0, 1}});
        assertThat(rdm.upperTriangle()).containsExactly(5, 1, Math.sqrt(18));
    }

    @Test
    void confusionDissimilarityIsOneMinusTheSymmetrisedProportion() {
        double[][] counts = {
                {8, 2, 0, 0},   // happy: 10 trials
                {1, 6, 3, 0},   // sad: 10 trials
                {0, 4, 16, 0},  // angry: 20 trials
                {0, 0, 0, 0}};  // fear: never shown
        Rdm rdm = Rdm.fromConfusion(List.of("happy", "sad", "angry", "fear"), counts);
        // p(sad | happy) = 0.2, p(happy | sad) = 0.1: d = 1 − 0.15
        assertThat(rdm.get(0, 1)).isCloseTo(0.85, within(1e-15));
        // never confused either way
        assertThat(rdm.get(0, 2)).isEqualTo(1);
        // p(angry | sad) = 0.3, p(sad | angry) = 4/20: d = 1 − 0.25
        assertThat(rdm.get(1, 2)).isCloseTo(0.75, within(1e-15));
        assertThat(rdm.get(3, 0)).isNaN();
        assertThat(rdm.get(3, 3)).isZero();
        assertThatThrownBy(() -> Rdm.fromConfusion(ABC, new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 'b' holds -1");
        assertThatThrownBy(() -> Rdm.fromConfusion(ABC, new double[2][2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 × 3");
    }

    @Test
    void categoricalModelIsZeroWithinACategory() {
        Rdm model = Rdm.categorical(List.of("h1", "h2", "s1", "s2"), new String[] {"happy", "happy", "sad", "sad"});
        assertThat(model.upperTriangle()).containsExactly(0, 1, 1, 1, 1, 0);
        assertThatThrownBy(() -> Rdm.categorical(ABC, new String[] {"x", "y"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 categories for 3 conditions");
    }

    @Test
    void meanSkipsNanEntryByEntry() {
        Rdm first = Rdm.fromUpperTriangle(ABC, new double[] {1, NAN, NAN});
        Rdm second = Rdm.fromUpperTriangle(ABC, new double[] {3, 4, NAN});
        assertThat(Rdm.mean(List.of(first, second)).upperTriangle()).containsExactly(2, 4, NAN);
    }

    @Test
    void inOrderRearrangesRowsAndColumnsTogether() {
        Rdm rdm = Rdm.fromUpperTriangle(ABC, new double[] {1, 2, 3});
        Rdm reordered = rdm.inOrder(List.of("c", "a", "b"));
        // (c, a) = 2, (c, b) = 3, (a, b) = 1
        assertThat(reordered.upperTriangle()).containsExactly(2, 3, 1);
        assertThatThrownBy(() -> rdm.inOrder(List.of("a", "b", "d"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> Rdm.of(ABC, new double[][] {{0, 1, 2}, {1, 0, 3}, {2, 3.5, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symmetric");
        assertThatThrownBy(() -> Rdm.of(ABC, new double[][] {{0, 1, 2}, {1, 0.5, 3}, {2, 3, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diagonal");
        assertThatThrownBy(() -> Rdm.of(ABC, new double[2][2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n × n");
        assertThatThrownBy(() -> Rdm.fromUpperTriangle(List.of("a", "a"), new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named twice");
        assertThatThrownBy(() -> Rdm.fromUpperTriangle(ABC, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the upper triangle has 3");
        assertThatThrownBy(() -> Rdm.correlation(ABC, new float[][] {{1, 2}, {3, 4}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 patterns for 3 conditions");
        assertThatThrownBy(() -> Rdm.euclidean(ABC, new float[][] {{1, 2}, {3, 4}, {5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern 2 has 1 units");
        // NaN mirrored by NaN is symmetric
        assertThat(Rdm.of(List.of("a", "b"), new double[][] {{0, NAN}, {NAN, 0}}).get(0, 1)).isNaN();
    }

    @Test
    void conditionMeansAverageImageRowsByLabel() {
        float[][] rows = {{1, 2}, {10, 20}, {3, 4}};
        float[][] means = ConditionMeans.of(List.of("happy", "sad"), new String[] {"happy", "sad", "happy"}, rows);
        assertThat(means).isDeepEqualTo(new float[][] {{2, 3}, {10, 20}});
        assertThatThrownBy(() -> ConditionMeans.of(List.of("happy", "sad", "fear"),
                new String[] {"happy", "sad", "happy"}, rows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fear' has no rows");
        assertThatThrownBy(() -> ConditionMeans.of(List.of("happy"), new String[] {"happy", "sad", "happy"}, rows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sad' is not one of the conditions");
    }
}
