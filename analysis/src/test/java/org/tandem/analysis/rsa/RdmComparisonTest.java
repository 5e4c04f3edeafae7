package org.tandem.analysis.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.analysis.rsa.RankCorrelation.KENDALL_TAU_A;
import static org.tandem.analysis.rsa.RankCorrelation.SPEARMAN;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Comparing two RDMs, and the seeded permutation test: exact for few conditions, sampled above. */
class RdmComparisonTest {

    @Test
    void comparesUpperTrianglesAndCountsTheEntriesUsed() {
        List<String> labels = List.of("a", "b", "c", "d");
        Rdm a = Rdm.fromUpperTriangle(labels, new double[] {1, 2, 3, 4, 5, 6});
        Rdm b = Rdm.fromUpperTriangle(labels, new double[] {1, 3, 2, Double.NaN, 5, 6});
        RdmComparison.Result result = RdmComparison.of(a, b, KENDALL_TAU_A);
        // five entries left: (1,2,3,5,6) against (1,3,2,5,6), one discordant pair of ten
        assertThat(result.value()).isEqualTo(0.8);
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.total()).isEqualTo(6);
    }

    @Test
    void rdmsOverDifferentConditionsAreRefused() {
        Rdm abc = Rdm.fromUpperTriangle(List.of("a", "b", "c"), new double[] {1, 2, 3});
        assertThatThrownBy(() -> RdmComparison.of(abc, Rdm.fromUpperTriangle(List.of("a", "x", "c"), new double[3]),
                SPEARMAN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("condition 1 is 'b' in one and 'x' in the other");
        assertThatThrownBy(() -> RdmComparison.of(abc, Rdm.fromUpperTriangle(List.of("c", "b", "a"), new double[3]),
                SPEARMAN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inOrder");
        assertThatThrownBy(() -> RdmComparison.of(abc, Rdm.fromUpperTriangle(List.of("a", "b"), new double[1]),
                SPEARMAN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 and 2 conditions");
    }

    @Test
    void anRdmAgainstItselfHasTheSmallestPossibleP() {
        assertComparedWithItself(random(20, new SplittableRandom(1)), false, RdmComparison.DEFAULT_PERMUTATIONS,
                1 / 1001.0);
    }

    @Test
    void anIndependentRdmIsNotSignificantAndTheSeedFixesP() {
        SplittableRandom random = new SplittableRandom(2);
        Rdm a = random(20, random);
        Rdm b = random(20, random);
        for (RankCorrelation statistic : RankCorrelation.values()) {
            RdmComparison.PermutationTest test = RdmComparison.permutationTest(a, b, statistic, 500, 99);
            assertThat(test.p()).as(statistic.label()).isGreaterThan(0.1);
            assertThat(RdmComparison.permutationTest(a, b, statistic, 500, 99).p()).isEqualTo(test.p());
        }
    }

    @Test
    void aNegativeRelationIsNotSignificantBecauseTheTestIsOneSided() {
        Rdm a = random(12, new SplittableRandom(3));
        double[] upper = a.upperTriangle();
        for (int k = 0; k < upper.length; k++) {
            upper[k] = -upper[k];
        }
        Rdm reversed = Rdm.fromUpperTriangle(a.labels(), upper);
        RdmComparison.PermutationTest test = RdmComparison.permutationTest(a, reversed, SPEARMAN, 200, 5);
        assertThat(test.observed().value()).isEqualTo(-1);
        assertThat(test.p()).isEqualTo(1.0);
    }

    @Test
    void fewConditionsAreTestedOverEveryRelabelling() {
        // 5 conditions, 10 distinct entries: only the identity of the 120 relabellings gives ρ = τ_a = 1
        assertComparedWithItself(random(5, new SplittableRandom(4)), true, 120, 1 / 120.0);
        // a categorical model against itself: the 2! × 2! × 2 relabellings that keep the two categories apart reach it
        Rdm model = Rdm.categorical(List.of("h1", "h2", "s1", "s2"), new String[] {"h", "h", "s", "s"});
        assertThat(RdmComparison.permutationTest(model, model, KENDALL_TAU_A, 0).p()).isEqualTo(8 / 24.0);
    }

    @Test
    void underTheNullTheExactTestRejectsAtMostItsLevel() {
        SplittableRandom random = new SplittableRandom(5);
        int rejected = 0;
        int tests = 300;
        for (int t = 0; t < tests; t++) {
            if (RdmComparison.permutationTest(random(6, random), random(6, random), SPEARMAN, 0).p() <= 0.05) {
                rejected++;
            }
        }
        // P(p ≤ 0.05) = 36 / 720 = 0.05 exactly for untied RDMs: 15 expected, sd 3.8
        assertThat(rejected).isBetween(5, 27);
    }

    @Test
    void aNanStatisticHasNoP() {
        List<String> labels = List.of("a", "b", "c");
        Rdm flat = Rdm.fromUpperTriangle(labels, new double[] {1, 1, 1});
        Rdm rdm = Rdm.fromUpperTriangle(labels, new double[] {1, 2, 3});
        assertThat(RdmComparison.permutationTest(flat, rdm, SPEARMAN, 0).p()).isNaN();
        assertThatThrownBy(() -> RdmComparison.permutationTest(rdm, rdm, SPEARMAN, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertComparedWithItself(Rdm rdm, boolean exact, long permutations, double p) {
        for (RankCorrelation statistic : RankCorrelation.values()) {
            RdmComparison.PermutationTest test = RdmComparison.permutationTest(rdm, rdm, statistic, 11);
            assertThat(test.observed().value()).isEqualTo(1);
            assertThat(test.exact()).isEqualTo(exact);
            assertThat(test.permutations()).isEqualTo(permutations);
            assertThat(test.p()).as(statistic.label()).isEqualTo(p);
        }
    }

    /** An RDM over n conditions with independent uniform entries. */
    static Rdm random(int n, SplittableRandom random) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("c" + i);
        }
        double[] upper = new double[n * (n - 1) / 2];
        for (int k = 0; k < upper.length; k++) {
            upper[k] = random.nextDouble();
        }
        return Rdm.fromUpperTriangle(labels, upper);
    }
}
