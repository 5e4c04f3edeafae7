package org.tandem.observer.weights;

import java.util.Arrays;

/** The name and shape (TF layout) of one weight a network architecture needs. */
public record WeightShape(String name, int[] shape) {
    public WeightShape {
        shape = shape.clone();
    }

    public static WeightShape of(String name, int... shape) {
        return new WeightShape(name, shape);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightShape other && name.equals(other.name) && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
