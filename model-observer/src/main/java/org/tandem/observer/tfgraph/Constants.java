package org.tandem.observer.tfgraph;

/**
 * What a kernel may learn about its inputs while it is set up: the values of those that are constants (weights, axes,
 * shapes, paddings), so that filters are converted to PyTorch's layout once and attributes read once.
 */
interface Constants {
    /** The values of input {@code index} of the node being set up, or null when that input is computed. */
    float[] values(int index);

    /** The shape of input {@code index} when it is a constant, or null. */
    long[] shape(int index);
}
