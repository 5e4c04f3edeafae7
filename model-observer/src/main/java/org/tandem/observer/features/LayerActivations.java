package org.tandem.observer.features;

import java.util.Arrays;

/**
 * The activations of one named layer for a batch of inputs: {@code count} items, each of shape {@code itemShape}
 * (e.g. {@code [256]} for a pooled feature, {@code [C, H, W]} for a convolutional map), stored row-major in {@code data}.
 * Readouts, ABX distances and unit analyses all read features in this one form.
 */
public record LayerActivations(String layer, int count, long[] itemShape, float[] data) {

    public LayerActivations {
        long per = Arrays.stream(itemShape).reduce(1, Math::multiplyExact);
        if ((long) count * per != data.length) {
            throw new IllegalArgumentException("layer " + layer + ": " + count + " items of shape "
                    + Arrays.toString(itemShape) + " need " + count * per + " values, got " + data.length);
        }
    }

    /** Values per item. */
    public int itemSize() {
        return count == 0 ? 0 : data.length / count;
    }

    /** A copy of item {@code i}'s activations, flattened. */
    public float[] item(int i) {
        int size = itemSize();
        return Arrays.copyOfRange(data, i * size, (i + 1) * size);
    }

    /** All items, flattened, one row each. */
    public float[][] rows() {
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = item(i);
        }
        return rows;
    }
}
