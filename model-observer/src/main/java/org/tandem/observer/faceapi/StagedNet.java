package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.explain.TargetScores;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.nn.onnx.GraphOp;
import org.tandem.observer.nn.onnx.OrtNet;
import org.tandem.protocols.observer.Raster;

/**
 * A face-api network as named stages run in order on the mean-normalised input. Predictions run every stage and feature
 * reads stop at the stage asked for, so both go through this one forward pass and read exactly the same numbers.
 */
final class StagedNet implements AutoCloseable {

    /**
     * One named step of the forward pass; its output is the layer of that name. {@code graph} writes the same step into
     * an ONNX graph, or is null where the stage has not been written that way (the network then runs on PyTorch alone).
     */
    record Stage(String name, UnaryOperator<NDArray> op, GraphOp graph) {
        Stage(String name, UnaryOperator<NDArray> op) {
            this(name, op, null);
        }
    }

    private final NDManager weights;
    private final int inputSize;
    private final NDArray mean;
    private final List<Stage> stages;
    private final Map<String, UnaryOperator<NDArray>> interventions = new java.util.HashMap<>();
    private StagedGraph graph;
    private OrtNet fast;

    /**
     * @param weights the manager that owns the network's weights; closed with this net
     * @param stages  the forward pass, in order
     */
    StagedNet(NDManager weights, int inputSize, List<Stage> stages) {
        this.weights = weights;
        this.inputSize = inputSize;
        this.mean = MeanRgb.array(weights);
        this.stages = List.copyOf(stages);
    }

    int inputSize() {
        return inputSize;
    }

    List<String> layers() {
        return stages.stream().map(Stage::name).toList();
    }

    /** The name of the last stage: the network's output. */
    String output() {
        return stages.get(stages.size() - 1).name();
    }

    /**
     * From now on, applies {@code op} to the stage's output before later stages (and reads of that stage) see it: how a
     * lesion silences units.
     */
    synchronized void intervene(String stage, UnaryOperator<NDArray> op) {
        if (!layers().contains(stage)) {
            throw new IllegalArgumentException("no layer '" + stage + "' among " + layers());
        }
        interventions.put(stage, op);
        // the graph holds the interventions too: write it again when next needed
        graph = null;
        if (fast != null) {
            fast.close();
            fast = null;
        }
    }

    /** The manager that owns the weights, for arrays that live as long as the network. */
    NDManager weights() {
        return weights;
    }

    private NDArray apply(Stage stage, NDArray x) {
        NDArray y = stage.op().apply(x);
        UnaryOperator<NDArray> op = interventions.get(stage.name());
        return op == null ? y : op.apply(y);
    }

    /**
     * @param nhwc  preprocessed batch [N, size, size, 3], RGB 0..255
     * @param layer the stage to stop after
     * @return that stage's output [N, ...], owned by nhwc's manager
     */
    NDArray forward(NDArray nhwc, String layer) {
        NDArray x = MeanRgb.normalise(nhwc, mean);
        for (Stage stage : stages) {
            x = apply(stage, x);
            if (stage.name().equals(layer)) {
                return x;
            }
        }
        throw new IllegalArgumentException("no layer '" + layer + "' among " + layers());
    }

    /** Runs the crops as one batch up to {@code layer}. */
    LayerActivations run(List<Raster> crops, String layer) {
        if (!layers().contains(layer)) {
            throw new IllegalArgumentException("no layer '" + layer + "' among " + layers());
        }
        return run(crops, List.of(layer)).get(layer);
    }

    /**
     * Runs the crops as one batch once, keeping each of the named stages' outputs (any order; read in forward order).
     * A network whose stages and interventions are all written as a graph runs on ONNX Runtime (see
     * {@link InferenceEngine}), predictions and layer reads alike, so both read the same numbers.
     */
    Map<String, LayerActivations> run(List<Raster> crops, Collection<String> layers) {
        OrtNet ort = ortNet();
        return ort == null ? runOnPyTorch(crops, layers) : runOnOrt(ort, crops, layers);
    }

    /** {@link #run(List, Collection)} on PyTorch's stage-by-stage pass, whatever the engine: the reference the graph is held to. */
    Map<String, LayerActivations> runOnPyTorch(List<Raster> crops, Collection<String> layers) {
        Map<String, LayerActivations> out = new LinkedHashMap<>();
        try (NDManager m = weights.newSubManager()) {
            NDArray x = MeanRgb.normalise(InputBatch.of(m, crops, inputSize), mean);
            for (Stage stage : stages) {
                if (out.size() == layers.size()) {
                    break;
                }
                x = apply(stage, x);
                if (layers.contains(stage.name())) {
                    // toFloatArray reads in logical (row-major) order, whatever the strides of the view
                    out.put(stage.name(), activations(stage.name(), crops.size(), x.getShape().getShape(),
                            x.toFloatArray()));
                }
            }
        }
        Map<String, LayerActivations> ordered = new LinkedHashMap<>();
        layers.forEach(layer -> ordered.put(layer, out.get(layer)));
        return ordered;
    }

    private Map<String, LayerActivations> runOnOrt(OrtNet ort, List<Raster> crops, Collection<String> layers) {
        Map<String, String> values = graph().values();
        Set<String> asked = new HashSet<>();
        layers.forEach(layer -> asked.add(values.get(layer)));
        Map<String, OrtNet.Output> out = ort.run(InputBatch.floats(crops, inputSize),
                new long[] {crops.size(), inputSize, inputSize, 3}, asked);
        Map<String, LayerActivations> ordered = new LinkedHashMap<>();
        for (String layer : layers) {
            OrtNet.Output o = out.get(values.get(layer));
            ordered.put(layer, activations(layer, crops.size(), o.shape(), o.values()));
        }
        return ordered;
    }

    private static LayerActivations activations(String layer, int count, long[] shape, float[] data) {
        return new LayerActivations(layer, count, Arrays.copyOfRange(shape, 1, shape.length), data);
    }

    /**
     * Runs the crops as one batch, keeps {@code layer}'s output [N, C, H, W] as the leaf of a gradient tape, runs on to
     * the head's layer and differentiates each image's target score with respect to that output.
     *
     * @param targets per image, the class to explain, or -1 for the highest-scoring class
     */
    LayerGradient gradient(List<Raster> crops, String layer, ScoreHead head, int[] targets) {
        int from = layers().indexOf(layer);
        int to = layers().indexOf(head.layer());
        if (from < 0 || to < 0 || to < from) {
            throw new IllegalArgumentException("need the map layer at or before the score layer, got " + layer + " and "
                    + head.layer() + " among " + layers());
        }
        try (NDManager m = weights.newSubManager()) {
            NDArray x = MeanRgb.normalise(InputBatch.of(m, crops, inputSize), mean);
            for (int i = 0; i <= from; i++) {
                x = apply(stages.get(i), x);
            }
            long[] shape = x.getShape().getShape();
            if (shape.length != 4) {
                throw new IllegalArgumentException("layer " + layer + " has no spatial maps (shape "
                        + x.getShape() + ")");
            }
            NDArray leaf = x.duplicate();
            leaf.setRequiresGradient(true);
            TargetScores picked;
            float[] gradients;
            try (GradientCollector tape = leaf.getManager().getEngine().newGradientCollector()) {
                NDArray y = leaf;
                for (int i = from + 1; i <= to; i++) {
                    y = apply(stages.get(i), y);
                }
                picked = TargetScores.backward(tape, y, head, targets, m);
                gradients = TargetScores.floats(leaf.getGradient());
            }
            return new LayerGradient(layer, crops.size(), (int) shape[1], (int) shape[2], (int) shape[3],
                    TargetScores.floats(leaf), gradients, picked.scores(), picked.targets());
        }
    }

    /** Runs the crops through the whole network; the outputs of crop i are at [i * width, (i + 1) * width). */
    float[] outputs(List<Raster> crops) {
        return run(crops, output()).data();
    }

    /** Floating-point operations of one face's forward pass (convolutions and matrix products), if the graph is written. */
    OptionalLong flopsPerFace() {
        return hasGraph() ? OptionalLong.of(graph().flopsPerFace()) : OptionalLong.empty();
    }

    /** The engine {@link #outputs} runs on. */
    String engine() {
        return hasGraph() && InferenceEngine.current() == InferenceEngine.ONNX_RUNTIME
                ? InferenceEngine.ONNX_RUNTIME.label() : InferenceEngine.PYTORCH.label();
    }

    private boolean hasGraph() {
        return stages.stream().allMatch(s -> s.graph() != null)
                && interventions.values().stream().allMatch(op -> op instanceof GraphOp);
    }

    private synchronized StagedGraph graph() {
        if (graph == null) {
            List<Stage> written = stages.stream().map(s -> {
                UnaryOperator<NDArray> op = interventions.get(s.name());
                return op == null ? s : new Stage(s.name(), s.op(),
                        (g, x) -> ((GraphOp) op).emit(g, s.graph().emit(g, x)));
            }).toList();
            graph = StagedGraph.of(output(), inputSize, mean.toFloatArray(), written);
        }
        return graph;
    }

    private synchronized OrtNet ortNet() {
        if (fast == null && hasGraph() && InferenceEngine.current() == InferenceEngine.ONNX_RUNTIME) {
            fast = new OrtNet(graph().model(), DjlEngine.intraOpThreads());
        }
        return fast;
    }

    @Override
    public synchronized void close() {
        if (fast != null) {
            fast.close();
        }
        weights.close();
    }
}
