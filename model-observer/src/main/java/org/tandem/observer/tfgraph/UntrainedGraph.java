package org.tandem.observer.tfgraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.WeightShape;
import org.tandem.observer.weights.WeightTensor;
import org.tandem.observer.weights.XavierNormalWeights;

/**
 * The untrained twin of a graph model: the same graph with its learned layers re-initialised as an untrained network
 * starts, Xavier-normal filters and dense matrices (the filter or matrix input of every convolution and matrix product)
 * and zero biases (the bias of every fused op and BiasAdd), drawn from the seed. Every other constant keeps its value:
 * shapes and axes, activation constants, and per-channel scales and offsets that stand alone (batch norms not folded
 * into a convolution, PReLU slopes).
 */
public final class UntrainedGraph {
    private static final Set<String> FILTERED = Set.of("Conv2D", "_FusedConv2D", "DepthwiseConv2dNative",
            "FusedDepthwiseConv2dNative", "MatMul", "_FusedMatMul");
    private static final Set<String> FUSED = Set.of("_FusedConv2D", "FusedDepthwiseConv2dNative", "_FusedMatMul");

    private UntrainedGraph() {
    }

    public static GraphModel of(GraphModel model, long seed) {
        Map<String, WeightTensor> constants = new LinkedHashMap<>();
        model.constants().all().forEach(t -> constants.put(t.name(), t));
        Map<String, String> role = new HashMap<>();
        for (GraphNode node : model.nodes()) {
            if (FILTERED.contains(node.op()) && node.inputs().size() > 1) {
                role.putIfAbsent(GraphModel.nodeName(node.inputs().get(1)), "filter");
            }
            if (FUSED.contains(node.op()) && node.inputs().size() > 2) {
                role.putIfAbsent(GraphModel.nodeName(node.inputs().get(2)), "bias");
            }
            if (node.op().equals("BiasAdd") && node.inputs().size() > 1) {
                role.putIfAbsent(GraphModel.nodeName(node.inputs().get(1)), "bias");
            }
        }
        List<WeightShape> filters = new ArrayList<>();
        for (WeightTensor t : constants.values()) {
            if ("filter".equals(role.get(t.name())) && (t.shape().length == 4 || t.shape().length == 2)) {
                filters.add(WeightShape.of(t.name(), t.shape()));
            }
        }
        Map<String, WeightTensor> fresh = new HashMap<>();
        XavierNormalWeights.generate(filters, seed).all().forEach(t -> fresh.put(t.name(), t));
        List<WeightTensor> out = new ArrayList<>();
        for (WeightTensor t : constants.values()) {
            if (fresh.containsKey(t.name())) {
                out.add(fresh.get(t.name()));
            } else if ("bias".equals(role.get(t.name()))) {
                out.add(new WeightTensor(t.name(), t.shape(), new float[t.values().length]));
            } else {
                out.add(t);
            }
        }
        return new GraphModel(model.file(), model.nodes(),
                new NamedWeights("untrained twin of " + model.file().getFileName() + " (Xavier normal, seed " + seed + ")",
                        out), model.input(), model.inputShape(), model.outputs());
    }
}
