package org.tandem.observer.nn;

import ai.djl.ndarray.NDArray;
import org.tandem.observer.nn.onnx.OnnxGraph;

/**
 * {@link Layers}' convolutions written into an ONNX graph instead of run, on the same weight arrays, so that both engines
 * run one network. ONNX's Conv takes TF's asymmetric 'same' padding as it is, so no separate pad is needed.
 */
public final class GraphLayers {
    private GraphLayers() {
    }

    /** As {@link Layers#conv}: OIHW {@code weight}, TF 'same' or 'valid' padding, {@code bias} may be null. */
    public static String conv(OnnxGraph g, String x, NDArray weight, NDArray bias, int stride, boolean same, int groups) {
        long[] w = weight.getShape().getShape();
        long[] in = g.shape(x);
        int[] pads = {0, 0, 0, 0};
        if (same) {
            int[] ph = Layers.samePad(in[1], (int) w[2], stride);
            int[] pw = Layers.samePad(in[2], (int) w[3], stride);
            pads = new int[] {ph[0], pw[0], ph[1], pw[1]};
        }
        return g.conv(x, weight.toFloatArray(), w, bias == null ? null : bias.toFloatArray(), stride, pads, groups);
    }

    /** As {@link Layers#separable}: depthwise 3x3 ('same', no bias), then pointwise 1x1 with bias. */
    public static String separable(OnnxGraph g, String x, NDArray depthwise, NDArray pointwise, NDArray bias,
                                   int stride) {
        String d = conv(g, x, depthwise, null, stride, true, (int) depthwise.getShape().get(0));
        return conv(g, d, pointwise, bias, 1, false, 1);
    }

    /** A per-channel constant ([C] or [1, C, 1, 1]) as the [C, 1, 1] that broadcasts over NCHW. */
    public static long[] perChannel(NDArray values) {
        return new long[] {values.size(), 1, 1};
    }
}
