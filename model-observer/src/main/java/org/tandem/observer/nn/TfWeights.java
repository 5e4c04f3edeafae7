package org.tandem.observer.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.tandem.observer.weights.WeightTensor;

/**
 * Turns TF-layout weights into the NDArrays the layers take. The reordering is done once in Java so the arrays are
 * contiguous; transposed views would make every forward pass slower.
 */
public final class TfWeights {
    private TfWeights() {
    }

    /** HWIO [kh, kw, in, out] to OIHW [out, in, kh, kw]. */
    public static NDArray convFilter(NDManager m, WeightTensor t) {
        int kh = t.dim(0), kw = t.dim(1), ci = t.dim(2), co = t.dim(3);
        float[] src = t.values();
        float[] dst = new float[src.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < ci; i++) {
                    for (int o = 0; o < co; o++) {
                        dst[((o * ci + i) * kh + y) * kw + x] = src[((y * kw + x) * ci + i) * co + o];
                    }
                }
            }
        }
        return m.create(dst, new Shape(co, ci, kh, kw));
    }

    /** Depthwise [kh, kw, C, 1] to [C, 1, kh, kw], for a grouped convolution with groups = C. */
    public static NDArray depthwiseFilter(NDManager m, WeightTensor t) {
        if (t.dim(3) != 1) {
            throw new IllegalArgumentException("depthwise filter " + t.name() + " has channel multiplier " + t.dim(3));
        }
        int kh = t.dim(0), kw = t.dim(1), c = t.dim(2);
        float[] src = t.values();
        float[] dst = new float[src.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int ch = 0; ch < c; ch++) {
                    dst[(ch * kh + y) * kw + x] = src[(y * kw + x) * c + ch];
                }
            }
        }
        return m.create(dst, new Shape(c, 1, kh, kw));
    }

    public static NDArray vector(NDManager m, WeightTensor t) {
        return m.create(t.values(), new Shape(t.values().length));
    }

    /** [C] as [1, C, 1, 1], to broadcast over NCHW. */
    public static NDArray perChannel(NDManager m, WeightTensor t) {
        return m.create(t.values(), new Shape(1, t.values().length, 1, 1));
    }

    /** A fully connected [in, out] matrix, kept as is: y = x · W + b. */
    public static NDArray matrix(NDManager m, WeightTensor t) {
        return m.create(t.values(), new Shape(t.dim(0), t.dim(1)));
    }
}
