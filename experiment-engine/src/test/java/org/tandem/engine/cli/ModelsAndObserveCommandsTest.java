package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.observer.testing.FaceApiReference;

/** Runs the real networks on face-api's reference crop (model-observer's test resources); the weights come from the user's model cache (fetched if needed). */
class ModelsAndObserveCommandsTest {
    @Test
    void observeGivesFaceApisExpressionProbabilities() throws Exception {
        CliRun run = CliRun.of("observe", "--model", "faceapi:expression",
                "--image", FaceApiReference.cropFile(0, "expression").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out()).path("results").get(0);
        JsonNode expected = FaceApiReference.face(0);
        String[] labels = {"neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"};
        for (int i = 0; i < labels.length; i++) {
            assertThat(result.path("probabilities").path(labels[i]).asDouble())
                    .isCloseTo(expected.path("expression").get(i).asDouble(), org.assertj.core.data.Offset.offset(1e-4));
            assertThat(result.path("logits").path(labels[i]).asDouble())
                    .isCloseTo(expected.path("expressionLogits").get(i).asDouble(), org.assertj.core.data.Offset.offset(1e-3));
        }
        assertThat(result.path("top").asText()).isEqualTo("happy");
    }

    @Test
    void observePrintsAFaceApiLayerWhenOneIsNamed() throws Exception {
        Path crop = FaceApiReference.cropFile(0, "recognition");
        CliRun descriptor = CliRun.of("observe", "--model", "faceapi:recognition", "--image", crop.toString(), "--json");
        CliRun layer = CliRun.of("observe", "--model", "faceapi:recognition", "--layer", "descriptor",
                "--image", crop.toString(), "--json");
        assertThat(layer.exitCode()).as(layer.err()).isZero();
        JsonNode read = new ObjectMapper().readTree(layer.out()).path("results").get(0);
        assertThat(read.path("layer").asText()).isEqualTo("descriptor");
        assertThat(read.path("values")).hasSize(128);
        // the layer read is the descriptor the network's prediction gives
        assertThat(read.path("values")).isEqualTo(new ObjectMapper().readTree(descriptor.out()).path("results").get(0)
                .path("descriptor"));
        CliRun unknown = CliRun.of("observe", "--model", "faceapi:recognition", "--layer", "fc7", "--image",
                crop.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("tandem: network faceapi:recognition has no layer 'fc7'; its layers are");
    }

    @Test
    void modelsListShowsTheVerifiedCache() {
        assertThat(CliRun.of("models", "fetch").exitCode()).isZero();
        CliRun run = CliRun.of("models", "list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("face-api-1.7.15", "verified", "face_expression_model.bin")
                .contains("human-models-3.0.4", "emotion.bin", "centernet.json");
    }

    @Test
    void aBadModelSpecIsOneLineAndExitOne() {
        CliRun run = CliRun.of("observe", "--model", "faceapi:emotion", "--image", "x.png");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tandem: model spec 'faceapi:emotion' is not valid");
    }

    @Test
    void observeRefusesAnImageOverTheSizeLimitInOneLine(@TempDir Path dir) throws Exception {
        // A GIF whose one image claims 20000 × 20000 pixels and holds none: only its header may be read.
        ByteBuffer gif = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) 20000).putShort((short) 20000)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        gif.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) 20000).putShort((short) 20000)
                .put((byte) 0);
        gif.put((byte) 2).put((byte) 0).put((byte) 0x3B);   // LZW code size, no data, trailer
        Path huge = Files.write(dir.resolve("huge.gif"), gif.array());
        Path text = Files.writeString(dir.resolve("face.png"), "not an image");

        CliRun tooLarge = CliRun.of("observe", "--model", "faceapi:expression", "--image", huge.toString());
        CliRun notAnImage = CliRun.of("observe", "--model", "faceapi:expression", "--image", text.toString());

        assertThat(tooLarge.exitCode()).isEqualTo(1);
        assertThat(tooLarge.err()).isEqualTo("tandem: image " + huge + " is 20000 × 20000 pixels, over Tandem's limit of"
                + " 8192 pixels a side; scale it down (stimuli are shown far smaller) and use the copy\n");
        assertThat(notAnImage.exitCode()).isEqualTo(1);
        assertThat(notAnImage.err()).startsWith("tandem: cannot read image " + text + ": it is not a PNG, JPEG, BMP or GIF")
                .hasLineCount(1);
    }
}
