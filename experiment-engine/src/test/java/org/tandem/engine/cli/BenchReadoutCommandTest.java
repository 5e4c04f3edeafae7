package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code tandem bench readout} once per size: every linear readout is timed on every problem and fits it well
 * above chance (the figures themselves belong in docs/BENCHMARKS.md).
 */
class BenchReadoutCommandTest {

    @Test
    void everyLinearReadoutIsTimedOnEveryProblemAndLearnsIt() throws Exception {
        CliRun run = CliRun.of("bench", "readout", "--repetitions", "1", "--warmup", "0", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode timings = new ObjectMapper().readTree(run.out());
        assertThat(timings).hasSize(5 * 3);
        for (JsonNode t : timings) {
            assertThat(t.path("kind").asText()).isIn("LOGISTIC", "LOGISTIC_OVR", "SVM");
            assertThat(t.path("medianMs").asDouble()).isPositive();
            int classes = t.path("size").path("classes").asInt();
            assertThat(t.path("heldOutAccuracy").asDouble()).as(t.toString()).isGreaterThan(1.5 / classes);
        }
    }

    @Test
    void markdownHasTheMachineAndOneRowPerReadoutAndProblem() {
        CliRun run = CliRun.of("bench", "readout", "--repetitions", "1", "--warmup", "0", "--markdown");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("### ").contains("cores", "Java", "| problem |")
                .containsPattern("\\| identity, embedding \\(mobilefacenet\\) \\| 120 x 192, 24 \\| svm \\| [0-9.]+ \\|");
    }
}
