package org.tandem.analysis.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RSA statistics against NumPy and SciPy ({@code rsa/rsa-reference.json}, made by {@code make-rsa-reference.py}
 * beside it, see its README): pattern RDMs, ρ and τ_a with ties and NaN entries, and exact permutation p-values agree
 * within 1e-10.
 */
class ReferenceAgreementTest {
    private static final double TOLERANCE = 1e-10;
    private static JsonNode reference;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ReferenceAgreementTest.class.getResourceAsStream("/rsa/rsa-reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void patternRdmsAgreeWithPdist() {
        JsonNode patterns = reference.get("patterns");
        List<String> labels = strings(patterns.get("labels"));
        float[][] rows = new float[labels.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = numbers(patterns.get("rows").get(i));
            rows[i] = new float[row.length];
            for (int u = 0; u < row.length; u++) {
                rows[i][u] = (float) row[u]; // multiples of 1/64: exact
            }
        }
        assertClose("correlation", Rdm.correlation(labels, rows).upperTriangle(), numbers(patterns.get("correlation")));
        assertClose("euclidean", Rdm.euclidean(labels, rows).upperTriangle(), numbers(patterns.get("euclidean")));
    }

    @Test
    void rankCorrelationsAgreeWithSpearmanrAndTheDefinitionOfTauA() {
        for (JsonNode c : reference.get("comparisons")) {
            List<String> labels = strings(c.get("labels"));
            Rdm a = Rdm.fromUpperTriangle(labels, numbers(c.get("a")));
            Rdm b = Rdm.fromUpperTriangle(labels, numbers(c.get("b")));
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
        JsonNode exact = reference.get("exactPermutation");
        List<String> labels = strings(exact.get("labels"));
        Rdm a = Rdm.fromUpperTriangle(labels, numbers(exact.get("a")));
        Rdm b = Rdm.fromUpperTriangle(labels, numbers(exact.get("b")));
        for (RankCorrelation statistic : RankCorrelation.values()) {
            JsonNode expected = exact.get(statistic == RankCorrelation.SPEARMAN ? "spearman" : "kendallTauA");
            RdmComparison.PermutationTest test = RdmComparison.permutationTest(a, b, statistic, 0);
            assertThat(test.observed().value()).as(statistic.label())
                    .isCloseTo(expected.get("observed").asDouble(), within(TOLERANCE));
            assertThat(test.p()).as(statistic.label()).isCloseTo(expected.get("p").asDouble(), within(TOLERANCE));
        }
    }

    static JsonNode reference() {
        return reference;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The script writes NaN as null. */
    static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = array.get(k).isNull() ? Double.NaN : array.get(k).asDouble();
        }
        return out;
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
