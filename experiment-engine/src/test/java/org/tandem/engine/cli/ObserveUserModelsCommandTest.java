package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** {@code tandem observe} on a user model's card and on an architecture control. */
class ObserveUserModelsCommandTest {
    private static final Path FIXTURES = fixtures();

    @Test
    void cardPrintsLabelsWithPyTorchsProbabilities() throws Exception {
        for (String card : new String[] {"tiny-torchscript.json", "tiny-onnx.json"}) {
            CliRun run = CliRun.of("observe", "--model", "card:" + FIXTURES.resolve(card), "--image",
                    FIXTURES.resolve("exact.png").toString(), FIXTURES.resolve("gradient.png").toString(), "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode results = new ObjectMapper().readTree(run.out()).path("results");
            JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("expected.json").toFile()).path("images");
            String[] images = {"exact.png", "gradient.png"};
            String[] labels = {"cat", "dog", "bird", "fish"};
            for (int i = 0; i < images.length; i++) {
                for (int k = 0; k < labels.length; k++) {
                    assertThat(results.get(i).path("probabilities").path(labels[k]).asDouble()).isCloseTo(
                            expected.path(images[i]).path("probabilities").get(k).asDouble(), Offset.offset(1e-4));
                }
            }
        }
    }

    @Test
    void layerOptionPrintsThatLayer() throws Exception {
        CliRun run = CliRun.of("observe", "--model", "card:" + FIXTURES.resolve("tiny-onnx.json"), "--layer",
                "embedding", "--image", FIXTURES.resolve("exact.png").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("layer: embedding").contains("shape: [16]");
    }

    @Test
    void zooControlPrintsItsDefaultLayer() throws Exception {
        CliRun run = CliRun.of("observe", "--model", "zoo:resnet18?size=32&seed=4", "--image",
                FIXTURES.resolve("exact.png").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out()).path("results").get(0);
        assertThat(result.path("layer").asText()).isEqualTo("11LambdaBlock");
        assertThat(result.path("values").size()).isEqualTo(512);
    }

    @Test
    void badCardIsOneLineNamingTheField() throws Exception {
        Path card = Files.createTempFile("card", ".json");
        Files.writeString(card, "{\"file\": \"" + FIXTURES.resolve("tiny.pt") + "\", \"format\": \"keras\","
                + " \"input\": {\"size\": [24, 32]}}");
        CliRun run = CliRun.of("observe", "--model", "card:" + card, "--image", FIXTURES.resolve("exact.png").toString());
        Files.delete(card);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("tandem: model card " + card + ", field 'format': unknown format"
                + " 'keras'; write \"torchscript\" or \"onnx\"");
    }

    /** model-observer's user-model fixtures, found from this module's folder. */
    private static Path fixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("model-observer/src/test/resources/usermodels");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("model-observer/src/test/resources/usermodels not found above "
                + Path.of("").toAbsolutePath());
    }
}
