package org.tandem.observer.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

/**
 * TensorFlow-semantics layers on DJL NDArrays in NCHW layout (PyTorch engine). The one trap: TF's 'same' padding is
 * asymmetric for stride-2 layers (nothing before, one after); PyTorch's symmetric padding shifts every feature map by a pixel
 * and changes expression logits by more than 10, so the padding is applied explicitly.
 */
public final class Layers {
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape NO_PAD = new Shape(0, 0);

    private Layers() {
    }

    /** {before, after} of TF 'same' padding for length {@code n}, kernel {@code k}, stride {@code s}. */
    public static int[] samePad(long n, int k, int s) {
        long out = (n + s - 1) / s;
        long total = Math.max((out - 1) * s + k - n, 0);
        long before = total / 2;
        return new int[] {(int) before, (int) (total - before)};
    }

    /** 2-D convolution with an OIHW weight, TF 'same' or 'valid' padding; {@code bias} may be null. */
    public static NDArray conv(NDArray x, NDArray weight, NDArray bias, int stride, boolean same, int groups) {
        Shape pad = NO_PAD;
        if (same) {
            int[] ph = samePad(x.getShape().get(2), (int) weight.getShape().get(2), stride);
            int[] pw = samePad(x.getShape().get(3), (int) weight.getShape().get(3), stride);
            if (ph[0] == ph[1] && pw[0] == pw[1]) {
                pad = new Shape(ph[0], pw[0]);
            } else {
                // torch's constant pad lists the last dimension first: (W left, W right, H top, H bottom)
                x = x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), 0);
            }
        }
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), pad, ONE, groups).singletonOrThrow();
    }

    /** TF separableConv2d: depthwise 3x3 ('same', no bias) then pointwise 1x1 with bias; no activation. */
    public static NDArray separable(NDArray x, NDArray depthwise, NDArray pointwise, NDArray bias, int stride) {
        NDArray d = conv(x, depthwise, null, stride, true, (int) depthwise.getShape().get(0));
        return Conv2d.conv2d(d, pointwise, bias, ONE, NO_PAD, ONE, 1).singletonOrThrow();
    }

    public static NDArray relu(NDArray x) {
        return Activation.relu(x);
    }

    public static NDArray maxPoolValid(NDArray x, int kernel, int stride) {
        return Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), NO_PAD, false);
    }

    /** TF maxPool 'same': the asymmetric padding is filled with -inf so it never wins. */
    public static NDArray maxPoolSame(NDArray x, int kernel, int stride) {
        int[] ph = samePad(x.getShape().get(2), kernel, stride);
        int[] pw = samePad(x.getShape().get(3), kernel, stride);
        if (ph[0] + ph[1] + pw[0] + pw[1] > 0) {
            x = x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), Double.NEGATIVE_INFINITY);
        }
        return maxPoolValid(x, kernel, stride);
    }

    public static NDArray avgPoolValid(NDArray x, int kernel, int stride) {
        return Pool.avgPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), NO_PAD, false, true);
    }

    /** Mean over H and W of NCHW, giving [N, C]; PtNDArray.mean supports one axis only, so H and W are flattened first. */
    public static NDArray globalMean(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2});
    }
}
