package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code tandem bench presenter} briefly through a real OpenGL context (Xvfb or headless EGL). The figures are not
 * checked against targets (speed belongs in docs/BENCHMARKS.md), only that each is measured and reported.
 */
class BenchPresenterCommandTest {

    @Test
    void theTableHasOneRowPerSceneAndAVerdict() {
        CliRun run = CliRun.of("bench", "presenter", "--frames", "50", "--size", "320x240");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("presenter frame loop on ", "refresh check: 300 intervals", "320x240")
                .containsPattern("\\nstimulus 256x256 at native size +50 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +\\d+ +[0-9.]+ +\\d+ +\\d+\\n")
                .contains("six-way response screen (text)")
                .containsPattern("Target \\(work p99 <= 2 ms, no GC pause over 1 ms\\): (met|NOT met)\\.");
    }

    @Test
    void jsonHoldsTheRendererTheRefreshCheckAndEachFigure() throws Exception {
        CliRun run = CliRun.of("bench", "presenter", "--frames", "50", "--size", "320x240", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("renderer").asText()).contains("OpenGL");
        assertThat(doc.path("refreshCheck").path("intervals").asInt()).isEqualTo(300);
        assertThat(doc.path("figures")).hasSize(2);
        for (JsonNode scene : doc.path("figures")) {
            assertThat(scene.path("frames").asInt()).isEqualTo(50);
            assertThat(scene.path("workP99Ms").asDouble()).isPositive()
                    .isGreaterThanOrEqualTo(scene.path("workP50Ms").asDouble());
            assertThat(scene.path("workMaxMs").asDouble()).isGreaterThanOrEqualTo(scene.path("workP99Ms").asDouble());
            assertThat(scene.path("meanIntervalMs").asDouble()).isPositive();
            assertThat(scene.has("gcCount")).isTrue();
        }
    }

    @Test
    void aBadSizeIsOneLineNamingTheOption() {
        CliRun run = CliRun.of("bench", "presenter", "--size", "big");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--size must be WIDTHxHEIGHT").doesNotContain("Exception");
    }
}
