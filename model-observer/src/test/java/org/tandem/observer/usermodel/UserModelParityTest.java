package org.tandem.observer.usermodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.testing.UserModelFixtures;
import org.tandem.protocols.observer.Raster;

/**
 * The same tiny network exported by PyTorch as TorchScript (RGB, NCHW) and as ONNX (BGR, NHWC): loaded through its card,
 * each must give PyTorch's own outputs within 1e-4, one image at a time and as a batch. One test image is already the
 * model's size; the other is resized, so the resize is checked too.
 */
class UserModelParityTest {
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"tiny-torchscript.json", "tiny-onnx.json"})
    void everyLayerMatchesPyTorch(String card) {
        List<Raster> images = Arrays.stream(UserModelFixtures.IMAGES).map(UserModelFixtures::image).toList();
        try (UserModel model = UserModels.openModel("card:" + UserModelFixtures.file(card))) {
            assertThat(model.layers()).containsExactly("conv", "embedding", "logits");
            assertThat(model.defaultLayer()).isEqualTo("embedding");
            for (String layer : model.layers()) {
                LayerActivations batch = model.activations(images, layer);
                assertThat(batch.count()).isEqualTo(2);
                for (int i = 0; i < images.size(); i++) {
                    float[] expected = UserModelFixtures.expected(UserModelFixtures.IMAGES[i], layer);
                    assertThat(FaceApiReference.maxAbsDiff(batch.item(i), expected)).as(layer).isLessThan(TOLERANCE);
                    float[] alone = model.activations(List.of(images.get(i)), layer).item(0);
                    assertThat(FaceApiReference.maxAbsDiff(alone, expected)).as(layer).isLessThan(TOLERANCE);
                }
            }
            assertThat(model.activations(images, "conv").itemShape()).containsExactly(16, 12, 16);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-torchscript.json", "tiny-onnx.json"})
    void predictionsCarryLabelsAndPyTorchProbabilities(String card) {
        List<Raster> images = Arrays.stream(UserModelFixtures.IMAGES).map(UserModelFixtures::image).toList();
        try (UserModel model = UserModels.openModel("card:" + UserModelFixtures.file(card))) {
            List<Prediction> predictions = model.predict(images);
            for (int i = 0; i < images.size(); i++) {
                Prediction p = predictions.get(i);
                assertThat(p.labels()).containsExactly("cat", "dog", "bird", "fish");
                float[] expected = UserModelFixtures.expected(UserModelFixtures.IMAGES[i], "probabilities");
                assertThat(FaceApiReference.maxAbsDiff(p.probabilities(), expected)).isLessThan(TOLERANCE);
                double sum = 0;
                for (float v : p.probabilities()) {
                    sum += v;
                }
                assertThat(sum).isCloseTo(1, within(1e-5));
            }
        }
    }
}
