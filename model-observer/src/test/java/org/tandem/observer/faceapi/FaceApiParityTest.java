package org.tandem.observer.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.observer.testing.FaceApiReference.crop;
import static org.tandem.observer.testing.FaceApiReference.face;
import static org.tandem.observer.testing.FaceApiReference.floats;
import static org.tandem.observer.testing.FaceApiReference.maxAbsDiff;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.observer.nn.UnitLesionOp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.testing.FaceApiModels;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.observer.Raster;

/** The ported networks against face-api 1.7.15 on tfjs 4.22.0 (CPU), on the real weights and the real PyTorch engine. */
class FaceApiParityTest {
    private static final Logger LOG = LoggerFactory.getLogger(FaceApiParityTest.class);
    private static final int FACES = 3;
    private static NDManager base;

    @BeforeAll
    static void start() {
        base = DjlEngine.newBaseManager();
    }

    @AfterAll
    static void stop() {
        base.close();
    }

    @Test
    void preprocessingEqualsFaceApisInputTensors() {
        double expression = maxAbsDiff(FaceCropPreprocessor.toNetInput(crop(0, "expression"), 112),
                FaceApiReference.readF32("face0_expression_input_112x112x3.f32"));
        double recognition = maxAbsDiff(FaceCropPreprocessor.toNetInput(crop(0, "recognition"), 150),
                FaceApiReference.readF32("face0_recognition_input_150x150x3.f32"));
        LOG.info("preprocessing max |diff|: expression {}, recognition {}", expression, recognition);
        assertThat(expression).isLessThanOrEqualTo(1e-3);
        assertThat(recognition).isLessThanOrEqualTo(1e-3);
    }

    @Test
    void expressionNetworkBodyOnFaceApisOwnInput() {
        try (FaceExpressionNet net = new FaceExpressionNet(base, weights(FaceExpressionNet.MODEL));
             NDManager m = base.newSubManager()) {
            float[] input = FaceApiReference.readF32("face0_expression_input_112x112x3.f32");
            float[] logits = net.logits(m.create(input, new Shape(1, 112, 112, 3))).toFloatArray();
            assertThat(maxAbsDiff(logits, floats(0, "expressionLogits"))).isLessThanOrEqualTo(1e-3);
            assertThat(maxAbsDiff(Softmax.of(logits), floats(0, "expression"))).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void expressionProbabilitiesAndLogitsMatchFaceApi() {
        try (FaceExpressionNet net = new FaceExpressionNet(base, weights(FaceExpressionNet.MODEL))) {
            List<ExpressionPrediction> batch = net.predict(crops("expression"));
            double p = 0;
            double l = 0;
            for (int k = 0; k < FACES; k++) {
                ExpressionPrediction single = net.predict(List.of(crop(k, "expression"))).get(0);
                for (ExpressionPrediction e : List.of(single, batch.get(k))) {
                    p = Math.max(p, maxAbsDiff(e.probabilities(), floats(k, "expression")));
                    l = Math.max(l, maxAbsDiff(e.logits(), floats(k, "expressionLogits")));
                }
            }
            LOG.info("expression max |diff|: probabilities {}, logits {}", p, l);
            assertThat(p).isLessThanOrEqualTo(1e-4);
            assertThat(l).isLessThanOrEqualTo(1e-3);
            assertThat(batch.get(0).top()).isEqualTo(Expression.HAPPY);
        }
    }

    @Test
    void descriptorsMatchFaceApi() {
        try (FaceRecognitionNet net = new FaceRecognitionNet(base, weights(FaceRecognitionNet.MODEL))) {
            List<float[]> batch = net.predict(crops("recognition"));
            double d = 0;
            for (int k = 0; k < FACES; k++) {
                d = Math.max(d, maxAbsDiff(batch.get(k), floats(k, "descriptor")));
                d = Math.max(d, maxAbsDiff(net.predict(List.of(crop(k, "recognition"))).get(0), floats(k, "descriptor")));
            }
            LOG.info("descriptor max |diff|: {}", d);
            assertThat(d).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void ageAndGenderMatchFaceApi() {
        try (AgeGenderNet net = new AgeGenderNet(base, weights(AgeGenderNet.MODEL))) {
            List<AgeGenderPrediction> batch = net.predict(crops("agegender"));
            double age = 0;
            double gender = 0;
            double genderP = 0;
            for (int k = 0; k < FACES; k++) {
                AgeGenderPrediction a = batch.get(k);
                age = Math.max(age, Math.abs(a.age() - face(k).path("age").asDouble()));
                float[] expected = floats(k, "genderLogits");
                gender = Math.max(gender, maxAbsDiff(a.genderLogits(), expected));
                genderP = Math.max(genderP, maxAbsDiff(new float[] {a.maleProbability(), a.femaleProbability()},
                        Softmax.of(expected)));
            }
            LOG.info("age/gender max |diff|: age {} years, gender logits {}, probabilities {}", age, gender, genderP);
            assertThat(age).isLessThanOrEqualTo(1e-3);
            assertThat(gender).isLessThanOrEqualTo(1e-3);
            assertThat(genderP).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void landmarksMatchFaceApi() {
        try (FaceLandmark68Net net = new FaceLandmark68Net(base, weights(FaceLandmark68Net.MODEL))) {
            List<Landmarks68> batch = net.predict(crops("landmarks"));
            double raw = 0;
            double px = 0;
            for (int k = 0; k < FACES; k++) {
                Raster c = crop(k, "landmarks");
                Landmarks68 got = batch.get(k);
                Landmarks68 expected = Landmarks68.fromRaw(floats(k, "landmarkNetRawOutput"), c.width(), c.height(), 112);
                raw = Math.max(raw, maxAbsDiff(got.raw(), expected.raw()));
                for (int i = 0; i < 68; i++) {
                    px = Math.max(px, Math.abs(got.points().get(i).x() - expected.points().get(i).x()));
                    px = Math.max(px, Math.abs(got.points().get(i).y() - expected.points().get(i).y()));
                }
            }
            LOG.info("landmarks max |diff|: raw {}, points {} px", raw, px);
            assertThat(raw).isLessThanOrEqualTo(1e-4);
            assertThat(px).isLessThanOrEqualTo(0.05);
            assertThat(batch.get(0).points()).hasSize(68);
        }
    }

    /**
     * Intact networks run on ONNX Runtime; lesioned ones and gradients on PyTorch's stage-by-stage pass. Both must give
     * the same outputs, each crop alone and all as one batch.
     */
    @ParameterizedTest
    @ValueSource(strings = {"expression", "recognition", "landmarks"})
    void onnxRuntimeAgreesWithPyTorch(String name) {
        try (StagedNet staged = switch (name) {
            case "expression" -> new FaceExpressionNet(base, weights(FaceExpressionNet.MODEL)).staged();
            case "recognition" -> new FaceRecognitionNet(base, weights(FaceRecognitionNet.MODEL)).staged();
            default -> new FaceLandmark68Net(base, weights(FaceLandmark68Net.MODEL)).staged();
        }) {
            assertThat(staged.engine()).isEqualTo(InferenceEngine.ONNX_RUNTIME.label());
            List<Raster> crops = crops(name);
            List<String> out = List.of(staged.output());
            double d = maxAbsDiff(staged.outputs(crops), staged.runOnPyTorch(crops, out).get(staged.output()).data());
            for (Raster c : crops) {
                d = Math.max(d, maxAbsDiff(staged.outputs(List.of(c)),
                        staged.runOnPyTorch(List.of(c), out).get(staged.output()).data()));
            }
            LOG.info("{} outputs, ONNX Runtime vs PyTorch, max |diff| {}", name, d);
            assertThat(d).isLessThanOrEqualTo(1e-5);
            // every layer a reader may ask for, relative to the layer's largest value
            Map<String, LayerActivations> ort = staged.run(crops, staged.layers());
            Map<String, LayerActivations> torch = staged.runOnPyTorch(crops, staged.layers());
            for (String layer : staged.layers()) {
                float[] expected = torch.get(layer).data();
                double scale = Math.max(1, maxAbsDiff(expected, new float[expected.length]));
                assertThat(ort.get(layer).itemShape()).as(layer).containsExactly(torch.get(layer).itemShape());
                assertThat(maxAbsDiff(ort.get(layer).data(), expected) / scale).as(layer).isLessThanOrEqualTo(1e-5);
            }
        }
    }

    @Test
    void aLesionedNetworkGivesTheSameNumbersOnEitherEngine() {
        try (StagedNet staged = new FaceExpressionNet(base, weights(FaceExpressionNet.MODEL)).staged()) {
            staged.intervene("dense2", new UnitLesionOp(staged.weights(),
                    UnitLesion.zero("dense2", java.util.stream.IntStream.range(0, 4000).toArray())));
            assertThat(staged.engine()).isEqualTo(InferenceEngine.ONNX_RUNTIME.label());
            List<Raster> crops = crops("expression");
            List<String> layers = List.of("dense2", "logits");
            Map<String, LayerActivations> ort = staged.run(crops, layers);
            Map<String, LayerActivations> torch = staged.runOnPyTorch(crops, layers);
            for (int i = 0; i < crops.size(); i++) {
                assertThat(java.util.Arrays.copyOf(ort.get("dense2").item(i), 4000)).containsOnly(0f);
            }
            // dense2's values reach about 40: relative 1e-5
            assertThat(maxAbsDiff(ort.get("dense2").data(), torch.get("dense2").data())).isLessThanOrEqualTo(4e-4);
            assertThat(maxAbsDiff(ort.get("logits").data(), torch.get("logits").data())).isLessThanOrEqualTo(1e-5);
        }
    }

    private static org.tandem.observer.weights.NamedWeights weights(String model) {
        return TfjsWeightManifest.load(FaceApiModels.folder(), model);
    }

    private static List<Raster> crops(String net) {
        return List.of(crop(0, net), crop(1, net), crop(2, net));
    }
}
