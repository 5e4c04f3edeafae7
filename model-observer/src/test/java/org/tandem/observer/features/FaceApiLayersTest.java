package org.tandem.observer.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.faceapi.FaceRecognitionNet;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.testing.FaceApiModels;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/** The face-api networks' layers, read with the real weights on face-api's own demo crops. */
class FaceApiLayersTest {

    @Test
    void expressionLayersHaveTheirShapesAndTheHeadIsWhatPredictGives() {
        List<Raster> crops = crops("expression");
        try (FeatureNetwork net = FeatureNetworks.open("faceapi:expression")) {
            assertThat(net.id()).isEqualTo("faceapi:expression");
            assertThat(net.defaultLayer()).isEqualTo("features");
            assertThat(shapes(net, crops)).containsExactly(
                    Map.entry("dense0", List.of(32L, 56L, 56L)), Map.entry("dense1", List.of(64L, 28L, 28L)),
                    Map.entry("dense2", List.of(128L, 14L, 14L)), Map.entry("dense3", List.of(256L, 7L, 7L)),
                    Map.entry("features", List.of(256L)), Map.entry("logits", List.of(7L)));

            LayerActivations dense3 = net.activations(crops, "dense3");
            LayerActivations features = net.activations(crops, net.defaultLayer());
            LayerActivations logits = net.activations(crops, "logits");
            List<ExpressionPrediction> predicted;
            try (NDManager base = DjlEngine.newBaseManager();
                 FaceExpressionNet expression = new FaceExpressionNet(base, TfjsWeightManifest.load(FaceApiModels.folder(), FaceExpressionNet.MODEL))) {
                predicted = expression.predict(crops);
            }
            for (int i = 0; i < crops.size(); i++) {
                assertThat(logits.item(i)).containsExactly(predicted.get(i).logits());
                // the 256 features are the channel means of dense3, read in [C, H, W] order
                float[] map = dense3.item(i);
                float[] f = features.item(i);
                for (int c = 0; c < 256; c++) {
                    double sum = 0;
                    for (int k = 0; k < 49; k++) {
                        sum += map[c * 49 + k];
                    }
                    assertThat(sum / 49).isCloseTo(f[c], offset(1e-4));
                }
            }
        }
    }

    @Test
    void severalLayersReadInOnePassAreEachAsReadAlone() {
        List<Raster> crops = crops("recognition");
        try (FeatureNetwork net = FeatureNetworks.open("faceapi:recognition")) {
            List<String> asked = List.of("descriptor", "conv32_down", "conv128_1");
            Map<String, LayerActivations> together = net.activations(crops, asked);
            assertThat(together.keySet()).containsExactlyElementsOf(asked);
            for (String layer : asked) {
                LayerActivations alone = net.activations(crops, layer);
                assertThat(together.get(layer).itemShape()).isEqualTo(alone.itemShape());
                assertThat(together.get(layer).data()).as(layer).containsExactly(alone.data());
            }
            assertThat(net.trainedFor()).isEqualTo("identity");
            assertThatThrownBy(() -> net.activations(crops, List.of("descriptor", "fc9")))
                    .isInstanceOf(TandemException.class).hasMessageContaining("has no layer 'fc9'");
        }
    }

    @Test
    void recognitionDefaultLayerIsThePredictedDescriptor() {
        List<Raster> crops = crops("recognition");
        try (FeatureNetwork net = FeatureNetworks.open("faceapi:recognition")) {
            assertThat(net.defaultLayer()).isEqualTo("descriptor");
            assertThat(shapes(net, crops)).containsExactly(
                    Map.entry("conv32_down", List.of(32L, 72L, 72L)), Map.entry("pool", List.of(32L, 35L, 35L)),
                    Map.entry("conv32_1", List.of(32L, 35L, 35L)), Map.entry("conv32_2", List.of(32L, 35L, 35L)),
                    Map.entry("conv32_3", List.of(32L, 35L, 35L)), Map.entry("conv64_down", List.of(64L, 17L, 17L)),
                    Map.entry("conv64_1", List.of(64L, 17L, 17L)), Map.entry("conv64_2", List.of(64L, 17L, 17L)),
                    Map.entry("conv64_3", List.of(64L, 17L, 17L)), Map.entry("conv128_down", List.of(128L, 8L, 8L)),
                    Map.entry("conv128_1", List.of(128L, 8L, 8L)), Map.entry("conv128_2", List.of(128L, 8L, 8L)),
                    Map.entry("conv256_down", List.of(256L, 4L, 4L)), Map.entry("conv256_1", List.of(256L, 4L, 4L)),
                    Map.entry("conv256_2", List.of(256L, 4L, 4L)), Map.entry("conv256_down_out", List.of(256L, 2L, 2L)),
                    Map.entry("pooled", List.of(256L)), Map.entry("descriptor", List.of(128L)));
            LayerActivations descriptor = net.activations(crops, net.defaultLayer());
            try (NDManager base = DjlEngine.newBaseManager();
                 FaceRecognitionNet recognition = new FaceRecognitionNet(base,
                         TfjsWeightManifest.load(FaceApiModels.folder(), FaceRecognitionNet.MODEL))) {
                List<float[]> predicted = recognition.predict(crops);
                for (int i = 0; i < crops.size(); i++) {
                    assertThat(descriptor.item(i)).containsExactly(predicted.get(i));
                }
            }
        }
    }

    @Test
    void ageGenderAndLandmarksOfferTheirBlocksAndHeads() {
        List<Raster> crops = crops("agegender");
        try (FeatureNetwork ageGender = FeatureNetworks.open("faceapi:agegender");
             FeatureNetwork landmarks = FeatureNetworks.open("faceapi:landmarks")) {
            assertThat(ageGender.layers()).containsExactly("conv_in", "reduction_block_0", "reduction_block_1",
                    "main_block_0", "main_block_1", "exit_reduction_block", "exit_separable_conv", "features", "outputs");
            assertThat(ageGender.activations(crops, "features").itemShape()).containsExactly(512);
            assertThat(ageGender.activations(crops, "outputs").itemShape()).containsExactly(3);
            assertThat(ageGender.activations(crops, "exit_separable_conv").itemShape()).containsExactly(512, 7, 7);
            assertThat(landmarks.layers()).containsExactly("dense0", "dense1", "dense2", "dense3", "features", "outputs");
            assertThat(landmarks.activations(crops, "outputs").itemShape()).containsExactly(136);
        }
    }

    @Test
    void unknownLayersAndPrefixesAreClearErrors() {
        try (FeatureNetwork net = FeatureNetworks.open("faceapi:expression:untrained?seed=2")) {
            assertThatThrownBy(() -> net.activations(crops("expression"), "fc7"))
                    .isInstanceOf(TandemException.class)
                    .hasMessage("network faceapi:expression:untrained?seed=2 has no layer 'fc7'; its layers are dense0,"
                            + " dense1, dense2, dense3, features, logits");
        }
        assertThatThrownBy(() -> FeatureNetworks.open("resnet50:imagenet"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("network spec 'resnet50:imagenet' has no known prefix; it must start with faceapi:, card:, zoo:");
    }

    @Test
    void untrainedTwinGivesOtherFeaturesThanTrained() {
        List<Raster> crops = crops("recognition");
        try (FeatureNetwork trained = FeatureNetworks.open("faceapi:recognition");
             FeatureNetwork untrained = FeatureNetworks.open("faceapi:recognition:untrained?seed=5");
             FeatureNetwork again = FeatureNetworks.open("faceapi:recognition:untrained?seed=5")) {
            assertThat(untrained.id()).isEqualTo("faceapi:recognition:untrained?seed=5");
            assertThat(untrained.layers()).isEqualTo(trained.layers());
            float[] t = trained.activations(crops, "pooled").item(0);
            float[] u = untrained.activations(crops, "pooled").item(0);
            assertThat(u).hasSameSizeAs(t).isNotEqualTo(t);
            assertThat(again.activations(crops, "pooled").item(0)).containsExactly(u);
        }
    }

    private static Map<String, List<Long>> shapes(FeatureNetwork net, List<Raster> crops) {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        for (String layer : net.layers()) {
            LayerActivations a = net.activations(crops, layer);
            assertThat(a.count()).isEqualTo(crops.size());
            assertThat(a.layer()).isEqualTo(layer);
            shapes.put(layer, java.util.Arrays.stream(a.itemShape()).boxed().toList());
        }
        return shapes;
    }

    private static List<Raster> crops(String net) {
        return List.of(FaceApiReference.crop(0, net), FaceApiReference.crop(1, net));
    }
}
