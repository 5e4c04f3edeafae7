package org.tandem.observer.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.testing.FaceApiModels;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * The tiny face detector against face-api 1.7.15 on tfjs 4.22.0 (CPU) on two of face-api's demo photographs
 * ({@code faceapi-reference/detector}, where {@code make-reference.js} made the expected boxes): the same faces, boxes within
 * 0.01 pixel and scores within 1e-5 (measured: 1.4e-5 px and 2.4e-7), at face-api's default input size and a larger one.
 */
class TinyFaceDetectorParityTest {
    private static NDManager base;
    private static TinyFaceDetector detector;
    private static JsonNode expected;

    @BeforeAll
    static void start() throws IOException {
        base = DjlEngine.newBaseManager();
        detector = new TinyFaceDetector(base, TfjsWeightManifest.load(FaceApiModels.folder(), TinyFaceDetector.MODEL));
        expected = new ObjectMapper().readTree(Files.readString(FaceApiReference.file("detector/expected.json")));
    }

    @AfterAll
    static void stop() {
        detector.close();
        base.close();
    }

    private static Raster photo(String name) {
        return FaceApiReference.readPng(FaceApiReference.file("detector/" + name + ".png"));
    }

    @ParameterizedTest(name = "{0} at input {1}")
    @CsvSource({"sample1, 416", "sample1, 608", "sample2, 416", "sample2, 608"})
    void findsTheFacesFaceApiFinds(String name, int inputSize) {
        JsonNode faces = expected.get("photos").get(name).get("tiny" + inputSize);
        List<DetectedFace> found = detector.detect(photo(name), inputSize, TinyFaceDetector.DEFAULT_MIN_SCORE);
        assertThat(found).hasSize(faces.size());
        double worstBox = 0;
        double worstScore = 0;
        for (int i = 0; i < faces.size(); i++) {
            JsonNode face = faces.get(i);
            DetectedFace mine = found.get(i);
            assertThat(mine.score()).as("score %d", i).isCloseTo(face.get("score").asDouble(), within(1e-5));
            assertThat(mine.x()).as("x %d", i).isCloseTo(face.get("x").asDouble(), within(0.01));
            assertThat(mine.y()).as("y %d", i).isCloseTo(face.get("y").asDouble(), within(0.01));
            assertThat(mine.width()).as("width %d", i).isCloseTo(face.get("width").asDouble(), within(0.01));
            assertThat(mine.height()).as("height %d", i).isCloseTo(face.get("height").asDouble(), within(0.01));
            worstScore = Math.max(worstScore, Math.abs(mine.score() - face.get("score").asDouble()));
            for (String side : List.of("x", "y", "width", "height")) {
                double value = switch (side) {
                    case "x" -> mine.x();
                    case "y" -> mine.y();
                    case "width" -> mine.width();
                    default -> mine.height();
                };
                worstBox = Math.max(worstBox, Math.abs(value - face.get(side).asDouble()));
            }
        }
        System.out.printf("%s at %d: %d faces, largest box difference %.2e px, score %.2e%n", name, inputSize,
                found.size(), worstBox, worstScore);
    }

    @Test
    void theRawGridMatchesFaceApisOutput() {
        JsonNode photo = expected.get("photos").get("sample1");
        try (NDManager m = base.newSubManager()) {
            NDArray raw = detector.raw(m, photo("sample1"), 416);
            assertThat(raw.getShape().getShape()).containsExactly(1, 13, 13, 25);
            float[] values = raw.toFloatArray();
            JsonNode first = photo.get("tiny416RawFirst");
            double worst = 0;
            for (int i = 0; i < first.size(); i++) {
                worst = Math.max(worst, Math.abs(values[i] - first.get(i).asDouble()));
            }
            double sum = 0;
            for (float v : values) {
                sum += v;
            }
            System.out.printf("tiny face detector raw output: largest difference %.2e over the first %d values,"
                    + " sum %.4f (face-api %.4f)%n", worst, first.size(), sum, photo.get("tiny416RawSum").asDouble());
            assertThat(worst).isLessThan(1e-3);
            assertThat(sum).isCloseTo(photo.get("tiny416RawSum").asDouble(), within(0.05));
        }
    }

    @Test
    void badOptionsAreRefusedByName() {
        Raster image = photo("sample2");
        assertThatThrownBy(() -> detector.detect(image, 400, 0.5)).isInstanceOf(TandemException.class)
                .hasMessageContaining("multiple of 32");
        assertThatThrownBy(() -> detector.detect(image, 416, 1.5)).isInstanceOf(TandemException.class)
                .hasMessageContaining("between 0 and 1");
    }
}
