package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code tandem bench observer} as small as it goes, on the real networks and weights. The figures are not checked
 * (speed belongs in docs/BENCHMARKS.md), only that each output form holds every measurement with its machine and settings.
 */
class BenchObserverCommandTest {
    private static final String[] SMALLEST = {"bench", "observer", "--repeats", "1", "--batches", "1", "--networks",
            "expression"};

    @Test
    void theTableHasOneRowPerNetworkAndThreadCount() {
        CliRun run = run("--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Networks on ", "PyTorch", "ONNX Runtime", "preprocessing", "GFLOP/s per thread")
                .containsPattern("network +engine +threads +load ms +MFLOP/face +batch 1 ms/face +batch 1 GFLOP/s")
                .containsPattern("\\nexpression +ONNX Runtime +1 +[0-9.]+ \\([0-9.]+-[0-9.]+\\) +103 +[0-9.]+"
                        + " \\([0-9.]+-[0-9.]+\\) +[0-9.]+ \\([0-9]+ %\\)\\n");
    }

    @Test
    void jsonHoldsTheMachineTheSettingsAndEachFigure() throws Exception {
        CliRun run = run("--threads", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        JsonNode machine = doc.path("machine");
        assertThat(machine.path("cpu").asText()).isNotBlank();
        assertThat(machine.path("cores").asInt()).isPositive();
        assertThat(machine.path("java").asText()).isNotBlank();
        assertThat(machine.path("djl").asText()).matches("\\d+\\.\\d+.*");
        assertThat(machine.path("pytorch").asText()).matches("\\d+\\.\\d+.*");
        assertThat(machine.path("onnxRuntime").asText()).matches("\\d+\\.\\d+.*");
        assertThat(machine.path("peak").path("flopsPerCycle").asInt()).isPositive();
        assertThat(doc.path("settings").path("command").asText()).isEqualTo(
                "tandem bench observer --networks expression --batches 1 --threads 1 --repeats 1 --warmup 3");
        assertThat(doc.path("method").asText()).contains("preprocessing");
        JsonNode results = doc.path("results");
        assertThat(results).hasSize(1);
        JsonNode expression = results.get(0);
        assertThat(expression.path("network").asText()).isEqualTo("expression");
        assertThat(expression.path("threads").asInt()).isEqualTo(1);
        assertThat(expression.path("engine").asText()).isEqualTo("ONNX Runtime");
        assertThat(expression.path("flopsPerFace").asLong()).isEqualTo(103_077_632L);
        assertFigure(expression.path("load"));
        assertThat(expression.path("batches")).hasSize(1);
        assertThat(expression.path("batches").get(0).path("batch").asInt()).isEqualTo(1);
        assertFigure(expression.path("batches").get(0).path("msPerFace"));
    }

    @Test
    void anotherThreadCountRunsInASeparateJvmThatReallyUsesIt() throws Exception {
        CliRun run = run("--threads", "2", "--json");   // the tests' own JVM runs PyTorch with one thread
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out()).path("results").get(0);
        assertThat(result.path("threads").asInt()).isEqualTo(2);
        assertFigure(result.path("batches").get(0).path("msPerFace"));
    }

    @Test
    void markdownIsASectionWithTheCommandAndATable() {
        CliRun run = run("--threads", "1", "--markdown");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("### ")
                .contains("`tandem bench observer --networks expression --batches 1 --threads 1 --repeats 1 --warmup 3`")
                .contains("| network | engine | threads | load ms | MFLOP/face | batch 1 ms/face | batch 1 GFLOP/s (% of peak) |\n"
                        + "|---|---|---|---|---|---|---|\n| expression | ONNX Runtime | 1 | ");
    }

    @Test
    void faceApisTimesFromAFileStandBesideTandemsWithTheSpeedUp(@TempDir Path dir) throws Exception {
        // as benchmarks/faceapi/time_faceapi.js prints them; batch 16 is not in the file and stays empty
        Path file = Files.writeString(dir.resolve("faceapi.json"), """
                {"node": "v20.0.0", "tfjs": "4.22.0", "faceApi": "1.7.15", "backend": "wasm", "threads": 1,
                 "simd": true, "networks": {"expression": {"1": {"median_ms_per_face": 500.0,
                 "p90_ms_per_face": 600.0, "fastest_ms_per_face": 400.0, "runs": 20}}}}
                """);
        CliRun run = run("--threads", "1", "--batches", "1,16", "--markdown", "--faceapi", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("--faceapi " + file, "face-api 1.7.15, tfjs 4.22.0 wasm (SIMD), 1 thread",
                        "| batch 1 face-api ms/face | batch 1 \u00d7 face-api |")
                .containsPattern("\\| 500 \\(400-600\\) \\| [0-9.]+ \\([0-9.]+\\) \\|")
                .containsPattern("\\| - \\| - \\|\\n");
    }

    @Test
    void faceApiFromAFolderWithoutItsPackagesIsRefusedInOneLine(@TempDir Path dir) {
        CliRun run = run("--threads", "1", "--faceapi-node", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tandem: --faceapi-node " + dir + ": no time_faceapi.js")
                .contains("npm ci");
        CliRun both = run("--faceapi-node", dir.toString(), "--faceapi", dir.resolve("x.json").toString());
        assertThat(both.err()).isEqualTo("tandem: --faceapi-node measures face-api, --faceapi reads its times: give"
                + " one\n");
    }

    @Test
    void anUnknownNetworkIsOneLineAndExitOne() {
        CliRun run = CliRun.of("bench", "observer", "--networks", "expression,emotion");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tandem: --networks: 'emotion' is not a network Tandem times; use expression,"
                + " recognition, agegender, landmarks, human:emotion, human:mobilefacenet, human:mobileface,"
                + " human:faceres, human:gear, human:centernet\n");
    }

    @Test
    void aHumanModelsNetworkIsTimedAtBothBatchSizes() throws Exception {
        CliRun run = CliRun.of("bench", "observer", "--networks", "human:mobilefacenet", "--batches", "1,16",
                "--threads", "1", "--repeats", "1", "--warmup", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out()).path("results").get(0);
        assertThat(result.path("network").asText()).isEqualTo("human:mobilefacenet");
        assertThat(result.path("batches")).hasSize(2);
        assertThat(result.path("batches").get(1).path("batch").asInt()).isEqualTo(16);
        assertFigure(result.path("batches").get(1).path("msPerFace"));
    }

    @Test
    void aBatchOfZeroIsRefused() {
        CliRun run = CliRun.of("bench", "observer", "--batches", "1,0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tandem: --batches must be 1..256, got 0\n");
    }

    @Test
    void benchListsItsBenchmarks() {
        CliRun run = CliRun.of("bench", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("observer", "--markdown");
    }

    private static CliRun run(String... more) {
        String[] args = java.util.Arrays.copyOf(SMALLEST, SMALLEST.length + more.length);
        System.arraycopy(more, 0, args, SMALLEST.length, more.length);
        return CliRun.of(args);
    }

    private static void assertFigure(JsonNode stats) {
        assertThat(stats.path("runs").asInt()).isEqualTo(1);
        assertThat(stats.path("medianMs").asDouble()).isPositive();
        assertThat(stats.path("p90Ms").asDouble()).isGreaterThanOrEqualTo(stats.path("minMs").asDouble());
    }
}
