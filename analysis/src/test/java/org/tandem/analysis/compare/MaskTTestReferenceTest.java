package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People's PSEs in each masked condition against each network's, one family of tests: the t statistics, p values and
 * Bonferroni-corrected p values agree with SciPy's ttest_1samp (src/test/resources/masks, with how it was made).
 */
class MaskTTestReferenceTest {

    @Test
    void oneSampleTTestsCorrectedOverEveryMaskAgreeWithScipy() throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/masks/ttest-reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        int family = ref.get("family").asInt();
        int checked = 0;
        for (var mask = ref.get("people").fields(); mask.hasNext(); ) {
            var entry = mask.next();
            double[] people = new double[entry.getValue().size()];
            for (int i = 0; i < people.length; i++) {
                people[i] = entry.getValue().get(i).asDouble();
            }
            Map<String, Double> networks = new LinkedHashMap<>();
            ref.get("networks").get(entry.getKey()).fields()
                    .forEachRemaining(n -> networks.put(n.getKey(), n.getValue().asDouble()));
            PseComparison c = PseComparison.test(people, networks, ref.get("alpha").asDouble(), family);
            assertThat(c.networksTested()).isEqualTo(family);
            for (JsonNode expected : ref.get("tests")) {
                if (!expected.get("mask").asText().equals(entry.getKey())) {
                    continue;
                }
                PseComparison.NetworkPseTest t = c.tests().stream()
                        .filter(x -> x.network().equals(expected.get("network").asText())).findFirst().orElseThrow();
                String what = entry.getKey() + " " + t.network();
                assertThat(t.t()).as(what).isCloseTo(expected.get("t").asDouble(), within(1e-9));
                assertThat(t.df()).as(what).isEqualTo(expected.get("df").asInt());
                assertThat(t.p()).as(what).isCloseTo(expected.get("p").asDouble(), within(1e-12));
                assertThat(t.pBonferroni()).as(what).isCloseTo(expected.get("pBonferroni").asDouble(), within(1e-12));
                assertThat(t.differs()).as(what).isEqualTo(expected.get("differs").asBoolean());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(family);
    }
}
