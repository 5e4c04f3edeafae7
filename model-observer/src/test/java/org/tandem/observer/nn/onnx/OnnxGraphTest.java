package org.tandem.observer.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shapes and floating-point work as the graph is written. */
class OnnxGraphTest {

    @Test
    void aConvolutionCountsTwoOperationsPerMultiplyAdd() {
        OnnxGraph g = new OnnxGraph("one");
        String x = g.input("x", 3, 8, 8);
        // 4 filters of 3x3x3 over an 8x8 map padded by one: 8x8 outputs, each 27 multiply-adds per filter
        String y = g.conv(x, new float[4 * 3 * 3 * 3], new long[] {4, 3, 3, 3}, new float[4], 1, new int[] {1, 1, 1, 1}, 1);
        assertThat(g.shape(y)).containsExactly(4, 8, 8);
        assertThat(g.flops()).isEqualTo(2L * 4 * 8 * 8 * 27);   // 13,824
    }

    @Test
    void strideAsymmetricPaddingAndGroupsSetTheOutputAndTheWork() {
        OnnxGraph g = new OnnxGraph("depthwise");
        String x = g.input("x", 16, 7, 7);
        // TF 'same' at stride 2 on 7: pad 1 before, 1 after -> 4x4; depthwise: one input channel per filter
        String y = g.conv(x, new float[16 * 9], new long[] {16, 1, 3, 3}, null, 2, new int[] {1, 1, 1, 1}, 16);
        assertThat(g.shape(y)).containsExactly(16, 4, 4);
        assertThat(g.flops()).isEqualTo(2L * 16 * 4 * 4 * 9);
        g.matMul(g.globalMean(y), new float[16 * 5], 16, 5);
        assertThat(g.flops()).isEqualTo(2L * 16 * 4 * 4 * 9 + 2L * 16 * 5);
    }
}
