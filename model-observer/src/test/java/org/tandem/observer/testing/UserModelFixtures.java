package org.tandem.observer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.tandem.protocols.observer.Raster;

/**
 * The tiny TorchScript and ONNX networks in {@code src/test/resources/usermodels}, their two test images, and the outputs
 * PyTorch computed for them ({@code expected.json}, written by {@code make_models.py}).
 */
public final class UserModelFixtures {
    public static final String[] IMAGES = {"exact.png", "gradient.png"};
    private static JsonNode expected;

    private UserModelFixtures() {
    }

    public static Path file(String name) {
        try {
            return Path.of(UserModelFixtures.class.getResource("/usermodels/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource usermodels/" + name + " is missing", e);
        }
    }

    public static Raster image(String name) {
        return FaceApiReference.readPng(file(name));
    }

    /** PyTorch's output {@code key} (conv, embedding, logits, probabilities) for one image, flattened. */
    public static synchronized float[] expected(String image, String key) {
        if (expected == null) {
            try {
                expected = new ObjectMapper().readTree(file("expected.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode values = expected.get("images").get(image).get(key);
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }
}
