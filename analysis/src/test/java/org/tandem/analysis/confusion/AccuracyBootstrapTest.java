package org.tandem.analysis.confusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyBootstrapTest {

    static List<Boolean> outcomes(int correct, int wrong) {
        List<Boolean> out = new ArrayList<>(Collections.nCopies(correct, true));
        out.addAll(Collections.nCopies(wrong, false));
        return out;
    }

    @Test
    void twoTrialsGiveTheWholeRange() {
        // one right, one wrong: resampled accuracy is 0 with chance 1/4, 1/2 with 1/2, 1 with 1/4,
        // so the 2.5th percentile is 0 and the 97.5th is 1 (10,000 resamples leave no doubt)
        Accuracy a = AccuracyBootstrap.estimate(outcomes(1, 1), AccuracyBootstrap.DEFAULT_RESAMPLES, 1);

        assertThat(a).isEqualTo(new Accuracy(1, 2, 0.5, 0.0, 1.0, 10_000, 1, null));
    }

    @Test
    void allCorrectHasANullWidthInterval() {
        Accuracy a = AccuracyBootstrap.estimate(outcomes(20, 0), 10_000, 3);

        assertThat(a.accuracy()).isEqualTo(1.0);
        assertThat(a.ciLow()).isEqualTo(1.0);
        assertThat(a.ciHigh()).isEqualTo(1.0);
    }

    @Test
    void intervalMatchesTheBinomialSpread() {
        // 70 of 100: SE = sqrt(.7 × .3 / 100) = 0.0458, so roughly .70 ± 1.96 × .0458 = [.610, .790]
        Accuracy a = AccuracyBootstrap.estimate(outcomes(70, 30), 10_000, 42);

        assertThat(a.accuracy()).isEqualTo(0.7);
        assertThat(a.ciLow()).isCloseTo(0.61, within(0.015));
        assertThat(a.ciHigh()).isCloseTo(0.79, within(0.015));
    }

    @Test
    void sameSeedSameIntervalWhateverTheOrderOfCalls() {
        Accuracy once = AccuracyBootstrap.estimate(outcomes(37, 26), 10_000, 2026);
        AccuracyBootstrap.estimate(outcomes(5, 5), 10_000, 2026);
        Accuracy again = AccuracyBootstrap.estimate(outcomes(37, 26), 10_000, 2026);

        assertThat(again).isEqualTo(once);
    }

    @Test
    void responsesScoreCorrectWhenTheResponseIsTheTrueLabel() {
        Accuracy a = AccuracyBootstrap.ofResponses(ConfusionMatrixTest.first(), 1_000, 5);

        assertThat(a.correct()).isEqualTo(5);
        assertThat(a.n()).isEqualTo(8);
        assertThat(a.accuracy()).isEqualTo(0.625);
    }

    @Test
    void noTrialsIsUndefinedWithAReason() {
        Accuracy a = AccuracyBootstrap.estimate(List.of(), 10_000, 1);

        assertThat(a.accuracy()).isNull();
        assertThat(a.ciLow()).isNull();
        assertThat(a.undefinedReason()).isEqualTo("no answered trials");
    }
}
