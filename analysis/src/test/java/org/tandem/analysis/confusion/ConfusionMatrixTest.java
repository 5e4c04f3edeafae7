package org.tandem.analysis.confusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.records.LabelledResponse;
import org.tandem.protocols.TandemException;

class ConfusionMatrixTest {
    static final List<String> LABELS = List.of("a", "b", "c");

    /** Observer 1: a→a ×3, a→b ×1, b→b ×2, b→c ×2; nothing with true label c. */
    static List<LabelledResponse> first() {
        return responses("a:a", "a:a", "a:a", "a:b", "b:b", "b:b", "b:c", "b:c");
    }

    /** Observer 2: a→a, a→c, c→c ×2; nothing with true label b. */
    static List<LabelledResponse> second() {
        return responses("a:a", "a:c", "c:c", "c:c");
    }

    static List<LabelledResponse> responses(String... trueAndResponse) {
        List<LabelledResponse> out = new ArrayList<>();
        for (int i = 0; i < trueAndResponse.length; i++) {
            String[] parts = trueAndResponse[i].split(":");
            out.add(new LabelledResponse("t" + i, parts[0], parts[1]));
        }
        return out;
    }

    @Test
    void countsRowsByTrueLabelAndColumnsByResponseInTaskOrder() {
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, first());

        assertThat(m.count(0, 0)).isEqualTo(3);
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.count(1, 2)).isEqualTo(2);
        assertThat(m.count(2, 2)).isZero();
        assertThat(m.rowTotal(0)).isEqualTo(4);
        assertThat(m.total()).isEqualTo(8);
        assertThat(m.correct()).isEqualTo(5); // 3 (a) + 2 (b)
        assertThat(m.counts()).containsExactly(List.of(3, 1, 0), List.of(0, 2, 2), List.of(0, 0, 0));
    }

    @Test
    void rowProportionsDivideByTheRowTotalAndAnEmptyRowIsUndefined() {
        ProportionMatrix p = ConfusionMatrix.of(LABELS, first()).proportions();

        // row a: 3/4, 1/4, 0; row b: 0, 2/4, 2/4
        assertThat(p.value(0, 0)).isEqualTo(0.75);
        assertThat(p.value(0, 1)).isEqualTo(0.25);
        assertThat(p.value(1, 1)).isEqualTo(0.5);
        assertThat(p.value(1, 2)).isEqualTo(0.5);
        assertThat(p.rowSupport(1)).isEqualTo(4);
        assertThat(p.rowDefined(2)).isFalse();
        assertThat(p.value(2, 2)).isNull();
        assertThat(p.undefinedRows()).containsExactly("no answered trials with true label 'c'");
        assertThat(p.values()).containsExactly(List.of(0.75, 0.25, 0.0), List.of(0.0, 0.5, 0.5),
                Arrays.asList(null, null, null));
    }

    @Test
    void pooledMatrixIsTheMeanOfObserversRowsOverObserversWithThatRow() {
        ProportionMatrix pooled = ProportionMatrix.meanOf(List.of(ConfusionMatrix.of(LABELS, first()).proportions(),
                ConfusionMatrix.of(LABELS, second()).proportions()));

        // row a: observer 1 (.75, .25, 0), observer 2 (.5, 0, .5) → (.625, .125, .25), 2 observers
        assertThat(pooled.value(0, 0)).isCloseTo(0.625, within(1e-12));
        assertThat(pooled.value(0, 1)).isCloseTo(0.125, within(1e-12));
        assertThat(pooled.value(0, 2)).isCloseTo(0.25, within(1e-12));
        assertThat(pooled.rowSupport(0)).isEqualTo(2);
        // row b only from observer 1, row c only from observer 2: each observer weighs the same, not each trial
        assertThat(pooled.value(1, 2)).isEqualTo(0.5);
        assertThat(pooled.rowSupport(1)).isEqualTo(1);
        assertThat(pooled.value(2, 2)).isEqualTo(1.0);
        assertThat(pooled.undefinedRows()).isEmpty();
    }

    @Test
    void hitRatesPerTrueLabel() {
        List<HitRate> rates = ConfusionMatrix.of(LABELS, first()).hitRates();

        assertThat(rates).containsExactly(new HitRate("a", 3, 4, 0.75, null), new HitRate("b", 2, 4, 0.5, null),
                new HitRate("c", 0, 0, null, "no answered trials with true label 'c'"));
    }

    @Test
    void aResponseOutsideTheLabelsNamesTrialAndLabel() {
        assertThatThrownBy(() -> ConfusionMatrix.of(LABELS, responses("a:a", "a:neutral")))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("trial t1 has response 'neutral', which is not one of the task's labels [a, b, c]");
    }

    @Test
    void poolingNeedsOneLabelOrder() {
        ProportionMatrix abc = ConfusionMatrix.of(LABELS, first()).proportions();
        ProportionMatrix cba = ConfusionMatrix.of(List.of("c", "b", "a"), first()).proportions();

        assertThatThrownBy(() -> ProportionMatrix.meanOf(List.of(abc, cba))).isInstanceOf(TandemException.class)
                .hasMessageContaining("labels [a, b, c] and [c, b, a]");
        assertThatThrownBy(() -> ProportionMatrix.meanOf(List.of())).isInstanceOf(TandemException.class);
    }
}
