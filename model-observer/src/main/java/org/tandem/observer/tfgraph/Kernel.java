package org.tandem.observer.tfgraph;

import ai.djl.ndarray.NDArray;

/** One node's computation, set up at load time: its data inputs in, its (first) output out, NHWC like TensorFlow. */
@FunctionalInterface
interface Kernel {
    NDArray apply(NDArray[] inputs);
}
