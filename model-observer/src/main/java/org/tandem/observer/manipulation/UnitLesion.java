package org.tandem.observer.manipulation;

import java.util.Arrays;

/**
 * The units of one layer a lesion silences, resolved: indices into an image's flattened activations of the layer
 * (row-major over the layer's item shape, as {@link org.tandem.observer.features.LayerActivations} holds them), and the
 * value each takes.
 *
 * @param layer the layer
 * @param units the silenced units, ascending, no repeats
 * @param fill  the value of each silenced unit (same order), all zero for a zero lesion
 */
public record UnitLesion(String layer, int[] units, float[] fill) {
    public UnitLesion {
        units = units.clone();
        fill = fill.clone();
        if (units.length != fill.length) {
            throw new IllegalArgumentException(units.length + " units but " + fill.length + " fill values");
        }
        for (int i = 1; i < units.length; i++) {
            if (units[i] <= units[i - 1]) {
                throw new IllegalArgumentException("lesioned units must be ascending without repeats");
            }
        }
    }

    /** A lesion that sets the units to zero. */
    public static UnitLesion zero(String layer, int[] units) {
        int[] sorted = Arrays.stream(units).distinct().sorted().toArray();
        return new UnitLesion(layer, sorted, new float[sorted.length]);
    }

    @Override
    public int[] units() {
        return units.clone();
    }

    @Override
    public float[] fill() {
        return fill.clone();
    }

    public int size() {
        return units.length;
    }

    /**
     * The multiplicative mask and the additive fill over {@code itemSize} units: activations become
     * {@code x · mask + fill}.
     *
     * @throws IllegalArgumentException naming the first unit beyond the layer
     */
    public float[][] maskAndFill(int itemSize) {
        float[] mask = new float[itemSize];
        Arrays.fill(mask, 1f);
        float[] add = new float[itemSize];
        for (int i = 0; i < units.length; i++) {
            if (units[i] < 0 || units[i] >= itemSize) {
                throw new IllegalArgumentException("unit " + units[i] + " is not in layer " + layer + ", which has "
                        + itemSize + " units");
            }
            mask[units[i]] = 0f;
            add[units[i]] = fill[i];
        }
        return new float[][] {mask, add};
    }
}
