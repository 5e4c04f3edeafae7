package org.tandem.analysis.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RSA statistics against NumPy and SciPy ({@code rsa/rsa-reference.json}, made by {@code make-rsa-reference.py}
 * beside it, see its README): pattern RDMs, ρ and τ_a with ties and NaN entries, and exact permutation p-values agree
 * within 1e-10.
 */
class ReferenceAgreementTest {
    private static final double TOLERANCE = 1e-10;

    @Test
    void patternRdmsAgreeWithPdist() {
        JsonNode patterns = RsaReference.section("patterns");
        List<String> labels = RsaReference.strings(patterns.get("labels"));
        float[][] rows = new float[labels.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = RsaReference.numbers(patterns.get("rows").get(i));
            rows[i] = new float[row.length];
            for (int u = 0; u < row.length; u++) {
                rows[i][u] = (float) row[u]; // multiples of 1/64: exact
            }
        }
        assertClose("correlation", Rdm.correlation(labels, rows).upperTriangle(),
                RsaReference.numbers(patterns.get("correlation")));
        assertClose("euclidean", Rdm.euclidean(labels, rows).upperTriangle(),
                RsaReference.numbers(patterns.get("euclidean")));
    }

    @Test
    void rankCorrelationsAgreeWithSpearmanrAndTheDefinitionOfTauA() {
        for (JsonNode c : RsaReference.section("comparisons")) {
            List<String> labels = RsaReference.strings(c.get("labels"));
            Rdm a = Rdm.fromUpperTriangle(labels, RsaReference.numbers(c.get("a")));
            Rdm b = Rdm.fromUpperTriangle(labels, RsaReference.numbers(c.get("b")));
            String name = c.get("name").asText();
            RdmComparison.Result rho = RdmComparison.of(a, b, RankCorrelation.SPEARMAN);
            RdmComparison.Result tau = RdmComparison.of(a, b, RankCorrelation.KENDALL_TAU_A);
            assertThat(rho.value()).as(name + ": ρ").isCloseTo(c.get("spearman").asDouble(), within(TOLERANCE));
            assertThat(tau.value()).as(name + ": τ_a").isCloseTo(c.get("kendallTauA").asDouble(), within(TOLERANCE));
            assertThat(rho.entries()).as(name + ": entries").isEqualTo(c.get("entries").asInt());
        }
    }

    @Test
    void exactPermutationPAgreesWithEveryRelabellingInPython() {
        JsonNode exact = RsaReference.section("exactPermutation");
        List<String> labels = RsaReference.strings(exact.get("labels"));
        Rdm a = Rdm.fromUpperTriangle(labels, RsaReference.numbers(exact.get("a")));
        Rdm b = Rdm.fromUpperTriangle(labels, RsaReference.numbers(exact.get("b")));
        for (RankCorrelation statistic : RankCorrelation.values()) {
            JsonNode expected = exact.get(RsaReference.key(statistic));
            RdmComparison.PermutationTest test = RdmComparison.permutationTest(a, b, statistic, 0);
            assertThat(test.observed().value()).as(statistic.label())
                    .isCloseTo(expected.get("observed").asDouble(), within(TOLERANCE));
            assertThat(test.p()).as(statistic.label()).isCloseTo(expected.get("p").asDouble(), within(TOLERANCE));
        }
    }

    private static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            if (Double.isNaN(expected[k])) {
                assertThat(actual[k]).as(what + " entry " + k).isNaN();
            } else {
                assertThat(actual[k]).as(what + " entry " + k).isCloseTo(expected[k], within(TOLERANCE));
            }
        }
    }
}
