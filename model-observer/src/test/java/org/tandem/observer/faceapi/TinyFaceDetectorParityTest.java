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
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.testing.FaceApiModels;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * The tiny face detector against face-api 1.7.15 on tfjs 4.22.0 (CPU) on face-api's six demo photographs and a cut of
 * the first whose face reaches past the edge ({@code faceapi-reference/detector}, where {@code make-reference.js} made
 * the expected boxes and landmarks): the same faces, boxes within 0.01 pixel and scores within 1e-5 (measured worst over
 * all seven: 1.4e-5 px and 3.3e-7), at face-api's default input size and a larger one; and the 68 landmarks of every
 * face found, as {@code withFaceLandmarks()} gives them.
 */
class TinyFaceDetectorParityTest {
    private static NDManager base;
    private static TinyFaceDetector detector;
    private static FaceLandmark68Net landmarks;
    private static JsonNode expected;

    @BeforeAll
    static void start() throws IOException {
        base = DjlEngine.newBaseManager();
        detector = new TinyFaceDetector(base, TfjsWeightManifest.load(FaceApiModels.folder(), TinyFaceDetector.MODEL));
        landmarks = new FaceLandmark68Net(base, TfjsWeightManifest.load(FaceApiModels.folder(), FaceLandmark68Net.MODEL));
        expected = new ObjectMapper().readTree(Files.readString(FaceApiReference.file("detector/expected.json")));
    }

    @AfterAll
    static void stop() {
        detector.close();
        landmarks.close();
        base.close();
    }

    private static Raster photo(String name) {
        return FaceApiReference.readPng(FaceApiReference.file("detector/" + name + ".png"));
    }

    @ParameterizedTest(name = "{0} at input {1}")
    @CsvSource({"sample1, 416", "sample1, 608", "sample2, 416", "sample2, 608", "sample3, 416", "sample3, 608",
            "sample4, 416", "sample4, 608", "sample5, 416", "sample5, 608", "sample6, 416", "sample6, 608",
            "sample1-edge, 416", "sample1-edge, 608"})
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

    /** Largest distance of one point from face-api's, in pixels of the 640-wide photographs (measured: 2.5e-5). */
    private static final double LANDMARK_TOLERANCE = 1e-3;

    /** sample1-edge: a face's box reaches past the left edge, where face-api clips the crop but not the points' shift. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample1", "sample2", "sample3", "sample4", "sample5", "sample6", "sample1-edge"})
    void findsTheLandmarksFaceApiFinds(String name) {
        JsonNode faces = expected.get("photos").get(name).get("tiny416Landmarks");
        Raster image = photo(name);
        List<LandmarkedFace> found = new FaceLandmarkFinder(landmarks).find(image,
                detector.detect(image, TinyFaceDetector.DEFAULT_INPUT_SIZE, TinyFaceDetector.DEFAULT_MIN_SCORE));
        assertThat(found).hasSize(faces.size());
        double worst = 0;
        for (int i = 0; i < faces.size(); i++) {
            assertThat(found.get(i).face().score()).isCloseTo(faces.get(i).get("score").asDouble(), within(1e-5));
            JsonNode points = faces.get(i).get("points");
            for (int k = 0; k < 68; k++) {
                Landmarks68.Point mine = found.get(i).points().get(k);
                double distance = Math.hypot(mine.x() - points.get(k).get(0).asDouble(),
                        mine.y() - points.get(k).get(1).asDouble());
                assertThat(distance).as("face %d point %d", i, k).isLessThan(LANDMARK_TOLERANCE);
                worst = Math.max(worst, distance);
            }
        }
        System.out.printf("%s: landmarks of %d faces, largest point distance %.2e px%n", name, found.size(), worst);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample1", "sample2", "sample3", "sample4", "sample5", "sample6"})
    void theRawGridMatchesFaceApisOutput(String name) {
        JsonNode photo = expected.get("photos").get(name);
        try (NDManager m = base.newSubManager()) {
            NDArray raw = detector.raw(m, photo(name), 416);
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
