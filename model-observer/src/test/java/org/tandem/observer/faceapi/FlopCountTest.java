package org.tandem.observer.faceapi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.weights.XavierNormalWeights;

/** The floating-point work per face counted from the networks' layers, against a count by hand. */
class FlopCountTest {

    /** 2 x multiply-adds of a convolution with an s x s output. */
    private static long conv(int in, int out, int s, int k) {
        return 2L * out * s * s * in * k * k;
    }

    /** Depthwise 3x3 then pointwise 1x1, at an s x s output. */
    private static long separable(int in, int out, int s) {
        return conv(1, in, s, 3) + conv(in, out, s, 1);
    }

    @Test
    void expressionNetworkByHand() {
        // 112 -> 56: a 3x3 conv to 32 channels, three separable 32 -> 32; then three blocks halving the map and
        // doubling the channels (each a separable conv at stride 2 and three more); the 256 x 7 head
        long byHand = conv(3, 32, 56, 3) + 3 * separable(32, 32, 56)
                + separable(32, 64, 28) + 3 * separable(64, 64, 28)
                + separable(64, 128, 14) + 3 * separable(128, 128, 14)
                + separable(128, 256, 7) + 3 * separable(256, 256, 7)
                + 2L * 256 * 7;
        assertThat(byHand).isEqualTo(103_077_632L);
        try (NDManager base = DjlEngine.newBaseManager();
             FaceExpressionNet net = new FaceExpressionNet(base,
                     XavierNormalWeights.generate(FaceApiArchitectures.expression(), 1))) {
            assertThat(net.flopsPerFace()).hasValue(byHand);
        }
    }

    @Test
    void recognitionNetworkByHand() {
        // 150 -> 72 (7x7 stride 2 valid) -> 35 (max pool); blocks at 35, 17, 8; the 256 blocks run at 3 and then
        // 4 (the stride-2 output is padded to the pooled shortcut's 4x4), the last down block at 1
        long byHand = conv(3, 32, 72, 7)
                + 3 * 2 * conv(32, 32, 35, 3)
                + conv(32, 64, 17, 3) + conv(64, 64, 17, 3) + 3 * 2 * conv(64, 64, 17, 3)
                + conv(64, 128, 8, 3) + conv(128, 128, 8, 3) + 2 * 2 * conv(128, 128, 8, 3)
                + conv(128, 256, 3, 3) + conv(256, 256, 3, 3) + 2 * 2 * conv(256, 256, 4, 3)
                + 2 * conv(256, 256, 1, 3)
                + 2L * 256 * 128;
        try (NDManager base = DjlEngine.newBaseManager();
             FaceRecognitionNet net = new FaceRecognitionNet(base,
                     XavierNormalWeights.generate(FaceApiArchitectures.recognition(), 1))) {
            assertThat(net.flopsPerFace()).hasValue(byHand);
        }
    }
}
