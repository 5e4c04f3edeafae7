package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.BuiltinProtocols;

/**
 * A two-AFC protocol whose counted (first) label is the continuum's {@code from} end: P("sad") falls along sad →
 * happy, and the report fits it falling, with the same PSE as the built-in protocol's rising P("happy"), a negative
 * slope, and the curve drawn the right way round (the real expression network and a real H2 file).
 */
class DecreasingCurveReportTest {
    @TempDir
    Path dir;

    @Test
    void aProtocolCountingTheFromEndIsFittedFallingWithTheSamePse() throws Exception {
        ObjectNode protocol = (ObjectNode) new ObjectMapper().readTree(
                BuiltinProtocols.resolve("expression-2afc-happy-sad").json());
        ArrayNode labels = (ArrayNode) protocol.get("task").get("labels");
        assertThat(labels.get(0).get("end").asText()).isEqualTo("to");
        labels.insert(0, labels.remove(1)); // "sad", the from end, first: its proportion is counted
        protocol.put("id", "sad-first");
        Path falling = dir.resolve("sad-first.json");
        new ObjectMapper().writeValue(falling.toFile(), protocol);
        Path db = dir.resolve("d.mv.db");
        for (String ref : new String[] {"expression-2afc-happy-sad", falling.toString()}) {
            CliRun run = CliRun.of("simulate", ref, "--observer", "faceapi:expression", "--rule", "sample",
                    "--db", db.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        Path out = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", "--db", db.toString(), "--bootstrap", "200", "--out", out.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode rising = ReportResults.observer(ReportResults.section(results, "expression-2afc-happy-sad",
                "identification").get("observers"), "faceapi:expression").get("fit");
        JsonNode fallingFit = ReportResults.observer(ReportResults.section(results, "sad-first", "identification")
                .get("observers"), "faceapi:expression").get("fit");
        assertThat(rising.get("direction").asText()).isEqualTo("increasing");
        assertThat(fallingFit.get("direction").asText()).isEqualTo("decreasing");
        // the same sampled answers seen from the other label: the same crossing of 0.5
        assertThat(fallingFit.get("pse").get("value").asDouble())
                .isCloseTo(rising.get("pse").get("value").asDouble(), within(0.5));
        assertThat(fallingFit.get("slope").get("value").asDouble()).isNegative();
        assertThat(rising.get("slope").get("value").asDouble()).isPositive();
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("the proportion of \"sad\" falling along the continuum");
    }
}
