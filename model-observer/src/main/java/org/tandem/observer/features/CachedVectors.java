package org.tandem.observer.features;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's reading of one image as kept in a prediction cache: its item shape's rank and sizes first, then its values,
 * all as float32 (sizes are exact in float32 up to 2^24), so a batch found whole in the cache has its shape too.
 */
final class CachedVectors {
    private CachedVectors() {
    }

    /** Each item of {@code activations}, packed with its shape, by the hash of the image it came from. */
    static Map<String, float[]> split(LayerActivations activations, List<String> hashes) {
        long[] shape = activations.itemShape();
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < hashes.size(); i++) {
            float[] item = activations.item(i);
            float[] packed = new float[1 + shape.length + item.length];
            packed[0] = shape.length;
            for (int d = 0; d < shape.length; d++) {
                packed[1 + d] = shape[d];
            }
            System.arraycopy(item, 0, packed, 1 + shape.length, item.length);
            out.put(hashes.get(i), packed);
        }
        return out;
    }

    /** The batch of images with these hashes, in order, from their packed readings. */
    static LayerActivations assemble(String layer, List<String> hashes, Map<String, float[]> packed) {
        if (hashes.isEmpty()) {
            return new LayerActivations(layer, 0, new long[0], new float[0]);
        }
        float[] first = packed.get(hashes.get(0));
        long[] shape = shapeOf(first);
        int offset = 1 + shape.length;
        int size = first.length - offset;
        float[] data = new float[hashes.size() * size];
        for (int i = 0; i < hashes.size(); i++) {
            float[] item = packed.get(hashes.get(i));
            if (item.length != first.length || !Arrays.equals(shapeOf(item), shape)) {
                throw new IllegalStateException("kept readings of layer " + layer + " differ in shape");
            }
            System.arraycopy(item, offset, data, i * size, size);
        }
        return new LayerActivations(layer, hashes.size(), shape, data);
    }

    private static long[] shapeOf(float[] packed) {
        long[] shape = new long[(int) packed[0]];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = (long) packed[1 + d];
        }
        return shape;
    }
}
