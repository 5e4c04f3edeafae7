package org.tandem.observer.nn.onnx;

/** One step of a forward pass written into an ONNX graph: its input value in, its output value returned. */
@FunctionalInterface
public interface GraphOp {
    String emit(OnnxGraph g, String x);
}
