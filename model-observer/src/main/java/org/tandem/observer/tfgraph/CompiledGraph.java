package org.tandem.observer.tfgraph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tandem.observer.weights.WeightTensor;
import org.tandem.protocols.TandemException;

/**
 * A {@link GraphModel} ready to run on DJL: nodes in dependency order, each with its {@link Kernel}; every node computed
 * from constants alone is folded into a constant at load time. An op Tandem cannot run is refused here, naming the op and
 * the node, before any image is given. Every node can be read as a layer.
 */
public final class CompiledGraph implements AutoCloseable {
    private final GraphModel model;
    private final NDManager weights;
    /** Computed nodes in dependency order. */
    private final List<GraphNode> order = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Kernel.Outputs[] kernels;
    /** Per computed node, where each input comes from: >= 0 a computed node's position, < 0 constant -1 - k. */
    private final int[][] sources;
    /** Per computed node and input, which output of its source it reads (0 but for {@code TopKV2:1} and the like). */
    private final int[][] sourceOutputs;
    private final List<NDArray> constants = new ArrayList<>();
    private final Map<String, Integer> constantIndex = new HashMap<>();
    /** Operations applied to a node's first output before later nodes see it (a lesion), by node position. */
    private final Map<Integer, UnaryOperator<NDArray>> interventions = new java.util.concurrent.ConcurrentHashMap<>();
    private final int inputPosition;

    public CompiledGraph(GraphModel model, NDManager parent) {
        this.model = model;
        this.weights = parent.newSubManager();
        try {
            Map<String, GraphNode> byName = model.byName();
            Map<String, WeightTensor> values = new HashMap<>();
            model.constants().all().forEach(t -> values.put(t.name(), t));
            List<GraphNode> sorted = topologicalOrder(byName);
            Map<String, float[]> constantValues = new HashMap<>();
            Map<String, long[]> constantShapes = new HashMap<>();
            List<Kernel.Outputs> kernelList = new ArrayList<>();
            List<int[]> sourceList = new ArrayList<>();
            List<int[]> outputList = new ArrayList<>();
            for (GraphNode node : sorted) {
                if (node.op().equals("Const")) {
                    WeightTensor t = values.get(node.name());
                    if (t == null) {
                        throw OpKernels.unsupported(node, "its value is not in the weight manifest");
                    }
                    long[] shape = Arrays.stream(t.shape()).asLongStream().toArray();
                    addConstant(node.name(), weights.create(t.values(), new Shape(shape)), t.values(), shape,
                            constantValues, constantShapes);
                    continue;
                }
                if (node.op().equals("Placeholder")) {
                    index.put(node.name(), order.size());
                    order.add(node);
                    kernelList.add(in -> in);
                    sourceList.add(new int[0]);
                    outputList.add(new int[0]);
                    continue;
                }
                List<String> inputs = node.inputs().stream().map(GraphModel::nodeName).toList();
                Constants known = new Constants() {
                    @Override
                    public float[] values(int i) {
                        return constantValues.get(inputs.get(i));
                    }

                    @Override
                    public long[] shape(int i) {
                        return constantShapes.get(inputs.get(i));
                    }
                };
                Kernel.Outputs kernel = OpKernels.outputsForNode(node, known, weights);
                boolean readsOutputsBeyondFirst = node.inputs().stream().anyMatch(in -> outputNumber(in) > 0);
                if (inputs.stream().allMatch(constantValues::containsKey) && !readsOutputsBeyondFirst) {
                    NDArray[] args = inputs.stream().map(n -> constants.get(constantIndex.get(n))).toArray(NDArray[]::new);
                    NDArray folded = kernel.apply(args)[0];
                    folded.attach(weights);
                    float[] data = folded.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                    addConstant(node.name(), folded, data, folded.getShape().getShape(), constantValues, constantShapes);
                    continue;
                }
                int[] from = new int[inputs.size()];
                int[] output = new int[inputs.size()];
                for (int k = 0; k < from.length; k++) {
                    String in = inputs.get(k);
                    from[k] = constantIndex.containsKey(in) ? -1 - constantIndex.get(in) : index.get(in);
                    output[k] = outputNumber(node.inputs().get(k));
                }
                index.put(node.name(), order.size());
                order.add(node);
                kernelList.add(kernel);
                sourceList.add(from);
                outputList.add(output);
            }
            kernels = kernelList.toArray(Kernel.Outputs[]::new);
            sources = sourceList.toArray(int[][]::new);
            sourceOutputs = outputList.toArray(int[][]::new);
            inputPosition = index.get(model.input());
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    private void addConstant(String name, NDArray array, float[] values, long[] shape, Map<String, float[]> constantValues,
            Map<String, long[]> constantShapes) {
        constantIndex.put(name, constants.size());
        constants.add(array);
        constantValues.put(name, values);
        constantShapes.put(name, shape);
    }

    /** Depth-first from every node, so each comes after the nodes it reads; a missing input is named. */
    private List<GraphNode> topologicalOrder(Map<String, GraphNode> byName) {
        List<GraphNode> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (GraphNode node : byName.values()) {
            visit(node, byName, state, out);
        }
        return out;
    }

    private void visit(GraphNode start, Map<String, GraphNode> byName, Map<String, Integer> state, List<GraphNode> out) {
        // iterative, so deep graphs do not overflow the stack
        ArrayDeque<GraphNode> stack = new ArrayDeque<>();
        if (state.containsKey(start.name())) {
            return;
        }
        stack.push(start);
        while (!stack.isEmpty()) {
            GraphNode node = stack.peek();
            Integer s = state.get(node.name());
            if (s == null) {
                state.put(node.name(), 1);
                for (String ref : node.inputs()) {
                    String in = GraphModel.nodeName(ref);
                    GraphNode source = byName.get(in);
                    if (source == null) {
                        throw OpKernels.unsupported(node, "its input '" + in + "' is not a node of the graph");
                    }
                    Integer t = state.get(in);
                    if (t == null) {
                        stack.push(source);
                    } else if (t == 1) {
                        throw OpKernels.unsupported(node, "the graph has a cycle through '" + in + "'");
                    }
                }
            } else {
                stack.pop();
                if (s == 1) {
                    state.put(node.name(), 2);
                    out.add(node);
                }
            }
        }
    }

    public GraphModel model() {
        return model;
    }

    /** Every node that can be read as a layer: the computed ones, in dependency order. */
    public List<String> layers() {
        return order.stream().map(GraphNode::name).toList();
    }

    /**
     * From now on, applies {@code op} to the layer's output before later nodes (and reads of the layer) see it. The op
     * runs inside each run's scope: arrays it keeps across runs must be unregistered from the scope.
     */
    public void intervene(String layer, UnaryOperator<NDArray> op) {
        Integer at = index.get(layer);
        if (at == null) {
            throw new TandemException("no layer '" + layer + "' in " + model.file().getFileName());
        }
        interventions.put(at, op);
    }

    /**
     * Runs the graph on an NHWC batch and returns the named nodes' outputs, owned by {@code input}'s manager.
     *
     * @throws TandemException when a name is not a computed node of the graph, or the input's shape does not fit
     */
    public Map<String, NDArray> run(NDArray input, Collection<String> wanted) {
        return run(input, wanted, -1, null);
    }

    /**
     * Runs as {@link #run(NDArray, Collection)} does, but with {@code layer}'s output replaced by {@code replacement}
     * (same shape): the nodes only that layer reads are not run, and later nodes read the replacement, so on a
     * gradient tape with the replacement as its leaf the outputs can be differentiated with respect to the layer.
     * PyTorch's autograd keeps what backward needs of the arrays the run's scope closes.
     */
    public Map<String, NDArray> runReplacing(NDArray input, Collection<String> wanted, String layer,
                                             NDArray replacement) {
        return run(input, wanted, position(layer), replacement);
    }

    /** Whether the value of {@code later} depends on that of {@code earlier} (a layer depends on itself). */
    public boolean dependsOn(String later, String earlier) {
        boolean[] reached = new boolean[order.size()];
        mark(position(later), reached, -1);
        return reached[position(earlier)];
    }

    /** The input of the softmax a node is (through Identity nodes): a classifier's logits; empty if it is none. */
    public Optional<String> softmaxInput(String node) {
        GraphNode at = model.byName().get(node);
        while (at != null && at.op().equals("Identity") && at.inputs().size() == 1) {
            at = model.byName().get(GraphModel.nodeName(at.inputs().get(0)));
        }
        return at != null && at.op().equals("Softmax") && index.containsKey(GraphModel.nodeName(at.inputs().get(0)))
                ? Optional.of(GraphModel.nodeName(at.inputs().get(0))) : Optional.empty();
    }

    private int position(String name) {
        Integer at = index.get(name);
        if (at == null) {
            throw new TandemException(constantIndex.containsKey(name)
                    ? "'" + name + "' is a constant of " + model.file().getFileName() + ", not a layer"
                    : "no layer '" + name + "' in " + model.file().getFileName() + " (" + order.size() + " layers,"
                    + " e.g. " + String.join(", ", layers().subList(Math.max(0, order.size() - 3), order.size())) + ")");
        }
        return at;
    }

    private Map<String, NDArray> run(NDArray input, Collection<String> wanted, int replaced, NDArray replacement) {
        checkInput(input);
        boolean[] needed = new boolean[order.size()];
        List<Integer> targets = new ArrayList<>();
        for (String name : wanted) {
            int at = position(name);
            targets.add(at);
            mark(at, needed, replaced);
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        // Every array a kernel makes, temporaries included, is closed when the run ends unless it is asked for: an op
        // whose first operand is a constant puts its result under the constants' manager, which lives as long as the
        // graph, so without the scope each run would leave its intermediates there.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray[][] values = new NDArray[order.size()][];
            values[inputPosition] = new NDArray[] {input};
            int last = targets.stream().mapToInt(Integer::intValue).max().orElse(-1);
            for (int k = 0; k <= last; k++) {
                if (k == replaced) {
                    values[k] = new NDArray[] {replacement};
                }
                if (!needed[k] || k == inputPosition || k == replaced) {
                    continue;
                }
                int[] from = sources[k];
                NDArray[] args = new NDArray[from.length];
                for (int j = 0; j < from.length; j++) {
                    args[j] = from[j] >= 0 ? output(values[from[j]], sourceOutputs[k][j], k) : constants.get(-1 - from[j]);
                }
                values[k] = kernels[k].apply(args);
                UnaryOperator<NDArray> intervention = interventions.get(k);
                if (intervention != null) {
                    values[k] = new NDArray[] {intervention.apply(values[k][0])};
                }
            }
            for (String name : wanted) {
                NDArray value = values[index.get(name)][0];
                NDScope.unregister(value);
                out.put(name, value);
            }
        }
        for (NDArray value : out.values()) {
            if (value.getManager() != input.getManager()) {
                value.attach(input.getManager());
            }
        }
        return out;
    }

    private NDArray output(NDArray[] outputs, int number, int reader) {
        if (number >= outputs.length) {
            throw OpKernels.unsupported(order.get(reader), "it reads output " + number + " of a node with "
                    + outputs.length);
        }
        return outputs[number];
    }

    /** {@code topk:1} reads output 1, {@code conv} and {@code conv:0} output 0. */
    private static int outputNumber(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(reference.substring(colon + 1));
    }

    /** Marks the node and every node it reads, stopping at {@code stop} (a replaced node reads nothing). */
    private void mark(int at, boolean[] needed, int stop) {
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(at);
        while (!stack.isEmpty()) {
            int k = stack.pop();
            if (needed[k]) {
                continue;
            }
            needed[k] = true;
            for (int from : k == stop ? new int[0] : sources[k]) {
                if (from >= 0) {
                    stack.push(from);
                }
            }
        }
    }

    private void checkInput(NDArray input) {
        long[] shape = input.getShape().getShape();
        long[] expected = model.inputShape();
        boolean fits = shape.length == expected.length;
        for (int k = 1; fits && k < shape.length; k++) {
            fits = expected[k] < 0 || expected[k] == shape[k];
        }
        if (!fits) {
            throw new TandemException(model.file().getFileName() + " takes input " + Arrays.toString(expected)
                    + " (NHWC, -1 any batch), got " + Arrays.toString(shape));
        }
    }

    @Override
    public void close() {
        weights.close();
    }
}
