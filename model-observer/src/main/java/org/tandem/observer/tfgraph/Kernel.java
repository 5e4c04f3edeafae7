package org.tandem.observer.tfgraph;

import ai.djl.ndarray.NDArray;

/** One node's computation, set up at load time: its data inputs in, its output out, NHWC like TensorFlow. */
@FunctionalInterface
interface Kernel {
    NDArray apply(NDArray[] inputs);

    /** A node with several outputs ({@code TopKV2}: values and indices), read as {@code node:1} and so on. */
    @FunctionalInterface
    interface Outputs {
        NDArray[] apply(NDArray[] inputs);
    }
}
