package org.tandem.observer.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.observer.testing.FaceApiReference.crop;
import static org.tandem.observer.testing.FaceApiReference.face;
import static org.tandem.observer.testing.FaceApiReference.floats;
import static org.tandem.observer.testing.FaceApiReference.maxAbsDiff;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    private static org.tandem.observer.weights.NamedWeights weights(String model) {
        return TfjsWeightManifest.load(FaceApiModels.folder(), model);
    }

    private static List<Raster> crops(String net) {
        return List.of(crop(0, net), crop(1, net), crop(2, net));
    }
}
