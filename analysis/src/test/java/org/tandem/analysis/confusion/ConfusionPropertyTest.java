package org.tandem.analysis.confusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tandem.analysis.records.LabelledResponse;

class ConfusionPropertyTest {

    @Property(tries = 200)
    void definedRowsSumToOneAndCountsToTheTrials(@ForAll @Size(max = 60) List<@IntRange(max = 8) Integer> codes) {
        // each code is a (true, response) pair of labels a, b, c: code / 3 and code % 3
        List<String> labels = List.of("a", "b", "c");
        List<LabelledResponse> responses = new ArrayList<>();
        for (int code : codes) {
            responses.add(new LabelledResponse("t" + responses.size(), labels.get(code / 3), labels.get(code % 3)));
        }

        ConfusionMatrix m = ConfusionMatrix.of(labels, responses);
        ProportionMatrix p = m.proportions();

        assertThat(m.total()).isEqualTo(codes.size());
        for (int i = 0; i < 3; i++) {
            assertThat(p.rowDefined(i)).isEqualTo(m.rowTotal(i) > 0);
            if (p.rowDefined(i)) {
                assertThat(p.value(i, 0) + p.value(i, 1) + p.value(i, 2)).isCloseTo(1, within(1e-12));
            }
        }
        assertThat(ProportionMatrix.meanOf(List.of(p, p)).values()).isEqualTo(p.values());
    }
}
