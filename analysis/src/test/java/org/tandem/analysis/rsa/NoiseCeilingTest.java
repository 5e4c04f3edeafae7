package org.tandem.analysis.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.tandem.analysis.rsa.RankCorrelation.KENDALL_TAU_A;
import static org.tandem.analysis.rsa.RankCorrelation.SPEARMAN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Nili et al.'s noise ceiling on hand-made participants and against the NumPy/SciPy fixture. */
class NoiseCeilingTest {
    private static final List<String> LABELS = List.of("happy", "sad", "angry", "fear");

    @Test
    void identicalParticipantsReachOneAtBothBounds() {
        Rdm one = Rdm.fromUpperTriangle(LABELS, new double[] {0.2, 0.9, 0.4, 0.7, 0.1, 0.5});
        for (RankCorrelation statistic : RankCorrelation.values()) {
            NoiseCeiling ceiling = NoiseCeiling.of(List.of(one, one, one), statistic).orElseThrow();
            assertThat(ceiling.lower()).as(statistic.label()).isCloseTo(1, within(1e-15));
            assertThat(ceiling.upper()).as(statistic.label()).isCloseTo(1, within(1e-15));
            assertThat(ceiling.participants()).isEqualTo(3);
        }
    }

    @Test
    void twoParticipantsWorkedByHand() {
        // a (1, 2, 3) and b (1, 3, 2) are their own ranks; mean (1, 2.5, 2.5)
        List<String> labels = List.of("x", "y", "z");
        Rdm a = Rdm.fromUpperTriangle(labels, new double[] {1, 2, 3});
        Rdm b = Rdm.fromUpperTriangle(labels, new double[] {10, 30, 20});
        NoiseCeiling tau = NoiseCeiling.of(List.of(a, b), KENDALL_TAU_A).orElseThrow();
        // leaving one out leaves the other: τ_a(a, b) = (2 − 1) / 3
        assertThat(tau.lower()).isCloseTo(1 / 3.0, within(1e-15));
        // against the mean: a has 2 concordant pairs and one tied in the mean, τ_a = 2/3; so has b
        assertThat(tau.upper()).isCloseTo(2 / 3.0, within(1e-15));
        NoiseCeiling rho = NoiseCeiling.of(List.of(a, b), SPEARMAN).orElseThrow();
        // ρ(a, b) = 1 − 6 · 2 / 24 = 0.5; ρ(a, mean) = ρ((1,2,3), (1,2.5,2.5)) = √3 / 2, and the same for b
        assertThat(rho.lower()).isCloseTo(0.5, within(1e-15));
        assertThat(rho.upper()).isCloseTo(Math.sqrt(3) / 2, within(1e-15));
    }

    @Test
    void oneParticipantHasNoCeiling() {
        Rdm one = Rdm.fromUpperTriangle(LABELS, new double[] {1, 2, 3, 4, 5, 6});
        assertThat(NoiseCeiling.of(List.of(one), SPEARMAN)).isEqualTo(Optional.empty());
        assertThat(NoiseCeiling.of(List.of(), SPEARMAN)).isEmpty();
    }

    @Test
    void participantsOverDifferentConditionsAreRefused() {
        Rdm one = Rdm.fromUpperTriangle(LABELS, new double[] {1, 2, 3, 4, 5, 6});
        Rdm other = Rdm.fromUpperTriangle(List.of("happy", "sad", "angry", "disgust"), new double[] {1, 2, 3, 4, 5, 6});
        assertThatThrownBy(() -> NoiseCeiling.of(List.of(one, other), SPEARMAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fear' in one and 'disgust'");
    }

    @Test
    void theLowerBoundStaysBelowTheUpperOnNoisyParticipants() {
        SplittableRandom random = new SplittableRandom(8);
        double[] truth = new double[45];
        for (int k = 0; k < truth.length; k++) {
            truth[k] = random.nextGaussian();
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            labels.add("c" + i);
        }
        List<Rdm> people = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            double[] noisy = truth.clone();
            for (int k = 0; k < noisy.length; k++) {
                noisy[k] += random.nextGaussian();
            }
            people.add(Rdm.fromUpperTriangle(labels, noisy));
        }
        for (RankCorrelation statistic : RankCorrelation.values()) {
            NoiseCeiling ceiling = NoiseCeiling.of(people, statistic).orElseThrow();
            assertThat(ceiling.lower()).as(statistic.label()).isGreaterThan(0.2).isLessThan(ceiling.upper());
            assertThat(ceiling.upper()).as(statistic.label()).isLessThan(1);
        }
    }

    @Test
    void boundsAgreeWithNumPyAndSciPy() {
        JsonNode fixture = RsaReference.section("noiseCeiling");
        List<String> labels = RsaReference.strings(fixture.get("labels"));
        List<Rdm> participants = new ArrayList<>();
        fixture.get("participants").forEach(p ->
                participants.add(Rdm.fromUpperTriangle(labels, RsaReference.numbers(p))));
        for (RankCorrelation statistic : RankCorrelation.values()) {
            JsonNode expected = fixture.get(RsaReference.key(statistic));
            NoiseCeiling ceiling = NoiseCeiling.of(participants, statistic).orElseThrow();
            assertThat(ceiling.lower()).as(statistic.label()).isCloseTo(expected.get("lower").asDouble(), within(1e-10));
            assertThat(ceiling.upper()).as(statistic.label()).isCloseTo(expected.get("upper").asDouble(), within(1e-10));
        }
    }
}
