package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.observer.testing.FaceApiReference;

/**
 * {@code tandem observe} on human-models networks through the command line (real weights): a raw reference tensor gives
 * every output node's values as TF.js computed them; an image gives the emotion network's probabilities by expression;
 * a tensor of the wrong size is one clear line.
 */
class ObserveHumanModelsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"emotion", "mobilefacenet", "mobileface", "faceres", "gear"})
    void aReferenceTensorGivesTfjsOutputs(String name, @TempDir Path dir) throws Exception {
        Path tensor = resource("face1_" + name + "_input.f32", dir);
        CliRun run = CliRun.of("observe", "--model", "human:" + name, "--tensor", tensor.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out()).get("results").get(0);
        JsonNode model;
        try (InputStream in = getClass().getResourceAsStream("/human-models-reference/expected.json")) {
            model = JSON.readTree(in).get("models").get(name);
        }
        JsonNode expected = model.get("faces").get("1").get("outputs");
        for (int k = 0; k < model.get("outputs").size(); k++) {
            String output = model.get("outputs").get(k).asText();
            JsonNode values = result.get("outputs").get(output).get("values");
            JsonNode reference = expected.get(k).get("values");
            assertThat(values.size()).as(output).isEqualTo(reference.size());
            for (int i = 0; i < values.size(); i++) {
                assertThat(Math.abs(values.get(i).asDouble() - reference.get(i).asDouble())).as("%s %d", output, i)
                        .isLessThan(1e-4);
            }
        }
    }

    @Test
    void anImageGivesTheEmotionNetworksProbabilitiesAndABadTensorIsOneLine(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("observe", "--model", "human:emotion", "--image",
                FaceApiReference.cropFile(0, "recognition").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out()).get("results").get(0);
        assertThat(result.get("top").asText()).isEqualTo("neutral");
        assertThat(result.get("probabilities").get("neutral").asDouble()).isBetween(0.70, 0.75);

        Path wrong = dir.resolve("wrong.f32");
        Files.write(wrong, new byte[100]);
        CliRun refused = CliRun.of("observe", "--model", "human:emotion", "--tensor", wrong.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("100 bytes, but human:emotion takes [1, 64, 64, 1] float32 values (16384"
                + " bytes").doesNotContain("Exception");
        CliRun both = CliRun.of("observe", "--model", "human:emotion", "--tensor", wrong.toString(), "--image", "x.png");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    private Path resource(String name, Path dir) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/human-models-reference/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
