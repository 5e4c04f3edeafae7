package org.tandem.observer.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.WeightTensor;
import org.tandem.observer.weights.XavierNormalWeights;
import org.tandem.protocols.TandemException;

class ModelSpecAndUntrainedTest {
    @Test
    void parsesTrainedAndUntrainedSpecs() {
        assertThat(ModelSpec.parse("faceapi:expression")).isEqualTo(new ModelSpec(FaceApiNetwork.EXPRESSION, false, 1));
        assertThat(ModelSpec.parse("faceapi:recognition")).isEqualTo(new ModelSpec(FaceApiNetwork.RECOGNITION, false, 1));
        assertThat(ModelSpec.parse("faceapi:agegender:untrained"))
                .isEqualTo(new ModelSpec(FaceApiNetwork.AGEGENDER, true, 1));
        assertThat(ModelSpec.parse("faceapi:landmarks:untrained?seed=42"))
                .isEqualTo(new ModelSpec(FaceApiNetwork.LANDMARKS, true, 42));
        assertThat(ModelSpec.parse("faceapi:landmarks:untrained?seed=42")).hasToString("faceapi:landmarks:untrained?seed=42");
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertInvalid("resnet:expression", "must start with 'faceapi:'");
        assertInvalid("faceapi:emotion", "'emotion' is not a face-api network");
        assertInvalid("faceapi:expression:trained", "only ':untrained' may follow");
        assertInvalid("faceapi:expression?seed=3", "applies to untrained networks only");
        assertInvalid("faceapi:expression:untrained?seed=x", "the seed 'x' is not a whole number");
        assertInvalid("faceapi:expression:untrained?steps=3", "the only option is '?seed=N'");
    }

    @Test
    void untrainedWeightsAreReproducibleAndXavierScaled() {
        NamedWeights a = XavierNormalWeights.generate(FaceApiNetwork.EXPRESSION.architecture(), 7);
        NamedWeights b = XavierNormalWeights.generate(FaceApiNetwork.EXPRESSION.architecture(), 7);
        NamedWeights c = XavierNormalWeights.generate(FaceApiNetwork.EXPRESSION.architecture(), 8);
        for (int i = 0; i < a.all().size(); i++) {
            assertThat(a.all().get(i).values()).containsExactly(b.all().get(i).values());
        }
        assertThat(a.tensor("fc/weights").values()).isNotEqualTo(c.tensor("fc/weights").values());
        assertThat(a.tensor("fc/bias").values()).containsOnly(0f);

        WeightTensor big = a.tensor("dense3/conv3/pointwise_filter");   // [1,1,256,256]: sd = sqrt(2/512)
        double sum = 0;
        double squares = 0;
        for (float v : big.values()) {
            sum += v;
            squares += (double) v * v;
        }
        int n = big.values().length;
        assertThat(sum / n).isCloseTo(0, org.assertj.core.data.Offset.offset(0.002));
        assertThat(Math.sqrt(squares / n)).isCloseTo(Math.sqrt(2.0 / 512), org.assertj.core.data.Offset.offset(0.002));
        assertThat(XavierNormalWeights.generate(FaceApiNetwork.RECOGNITION.architecture(), 1)
                .tensor("conv32_1/conv1/scale/weights").values()).containsOnly(1f);
    }

    @Test
    void everyUntrainedTwinRunsAndIsReproducible() {
        ModelStore unused = ModelStore.faceApi(java.nio.file.Path.of("target/no-models-needed"));
        List<org.tandem.protocols.observer.Raster> crop = List.of(FaceApiReference.crop(0, "expression"));
        try (NDManager base = DjlEngine.newBaseManager()) {
            ModelSpec spec = ModelSpec.parse("faceapi:expression:untrained?seed=3");
            float[] first;
            try (FaceExpressionNet net = new FaceExpressionNet(base, spec.weights(unused))) {
                first = net.predict(crop).get(0).probabilities();
            }
            try (FaceExpressionNet net = new FaceExpressionNet(base, spec.weights(unused))) {
                assertThat(net.predict(crop).get(0).probabilities()).containsExactly(first);
            }
            double sum = 0;
            for (float p : first) {
                sum += p;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            try (FaceRecognitionNet net = new FaceRecognitionNet(base,
                    ModelSpec.parse("faceapi:recognition:untrained").weights(unused))) {
                assertThat(net.predict(List.of(FaceApiReference.crop(0, "recognition"))).get(0)).hasSize(128);
            }
            try (AgeGenderNet net = new AgeGenderNet(base, ModelSpec.parse("faceapi:agegender:untrained").weights(unused))) {
                assertThat(Float.isFinite(net.predict(crop).get(0).age())).isTrue();
            }
            try (FaceLandmark68Net net = new FaceLandmark68Net(base,
                    ModelSpec.parse("faceapi:landmarks:untrained").weights(unused))) {
                assertThat(net.predict(crop).get(0).points()).hasSize(68);
            }
        }
        assertThat(unused.folder()).doesNotExist();
    }

    private static void assertInvalid(String spec, String message) {
        assertThatThrownBy(() -> ModelSpec.parse(spec))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("model spec '" + spec + "' is not valid")
                .hasMessageContaining(message);
    }
}
