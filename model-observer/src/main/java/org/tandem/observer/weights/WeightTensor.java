package org.tandem.observer.weights;

import java.util.Arrays;

/**
 * One named weight tensor as TF.js stores it: row-major float32 values over {@code shape}, in TensorFlow's layouts (conv
 * filters HWIO, depthwise filters [kh, kw, C, 1], fully connected [in, out]).
 */
public record WeightTensor(String name, int[] shape, float[] values) {
    public WeightTensor {
        shape = shape.clone();
        long count = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("weight " + name + " has a non-positive dimension: " + Arrays.toString(shape));
            }
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("weight " + name + " of shape " + Arrays.toString(shape) + " needs " + count
                    + " values, got " + values.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int rank() {
        return shape.length;
    }
}
