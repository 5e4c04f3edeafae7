package org.tandem.observer.faceapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.nn.onnx.OnnxGraph;

/**
 * A {@link StagedNet}'s forward pass written as one ONNX graph: the raw NHWC batch in, the mean-normalisation, then each
 * stage from the same weight arrays. Every stage's output is an output of the graph, so that predictions and layer reads
 * run the one graph and read the same numbers. Counting the graph's convolutions and matrix products as it is written
 * gives the network's floating-point work per face.
 *
 * @param values each stage's name, in forward order, to the graph value holding its output
 */
record StagedGraph(byte[] model, long flopsPerFace, Map<String, String> values) {

    static StagedGraph of(String name, int inputSize, float[] mean, List<StagedNet.Stage> stages) {
        OnnxGraph g = new OnnxGraph(name);
        String x = g.input("input", inputSize, inputSize, 3);
        // (rgb - mean) / 255, then NHWC to NCHW, as MeanRgb.normalise does it
        x = g.transpose(g.div(g.sub(x, mean, 1, 1, 1, 3), new float[] {255f}), 0, 3, 1, 2);
        Map<String, String> values = new LinkedHashMap<>();
        for (StagedNet.Stage stage : stages) {
            x = stage.graph().emit(g, x);
            g.output(x);
            values.put(stage.name(), x);
        }
        return new StagedGraph(g.model(), g.flops(), values);
    }
}
