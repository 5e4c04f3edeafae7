package org.tandem.observer.human;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.observer.nn.UnitLesionOp;
import org.tandem.observer.tfgraph.CompiledGraph;
import org.tandem.observer.tfgraph.GraphModel;
import org.tandem.observer.tfgraph.UntrainedGraph;
import org.tandem.protocols.observer.Raster;

/**
 * A human-models network (or its untrained twin) as a {@link FeatureNetwork}: each crop is prepared as the human library
 * prepares faces for it ({@link HumanInput}), and every node of its graph can be read as a layer.
 */
public final class HumanNetwork implements FeatureNetwork {
    private final HumanSpec spec;
    private final NDManager base;
    private final CompiledGraph graph;
    private final int inputSize;
    private final boolean batchOfOne;

    private HumanNetwork(HumanSpec spec, NDManager base, CompiledGraph graph) {
        this.spec = spec;
        this.base = base;
        this.graph = graph;
        long[] shape = graph.model().inputShape();
        this.inputSize = (int) shape[1];
        this.batchOfOne = shape[0] == 1;
    }

    /** Loads a network from the verified human-models cache (fetched when missing). */
    public static HumanNetwork open(String spec) {
        HumanSpec parsed = HumanSpec.parse(spec);
        GraphModel model = GraphModel.load(ModelStore.humanModels().resolve(), parsed.model().specName());
        if (parsed.untrained()) {
            model = UntrainedGraph.of(model, parsed.seed());
        }
        NDManager base = DjlEngine.newBaseManager();
        try {
            return new HumanNetwork(parsed, base, new CompiledGraph(model, base));
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
    }

    public HumanModel model() {
        return spec.model();
    }

    @Override
    public String id() {
        return spec.toString();
    }

    @Override
    public List<String> layers() {
        return graph.layers();
    }

    @Override
    public String defaultLayer() {
        return spec.model().defaultLayer();
    }

    @Override
    public List<String> blockLayers() {
        return spec.model().blockLayers();
    }

    @Override
    public boolean channelsLast() {
        return true;
    }

    @Override
    public String trainedFor() {
        return spec.untrained() ? "untrained" : spec.model().trainedFor();
    }

    /** The graph's input shape, NHWC (-1: any batch). */
    public long[] inputShape() {
        return graph.model().inputShape().clone();
    }

    /** The graph's output nodes, in order. */
    public List<String> outputs() {
        return graph.model().outputs();
    }

    @Override
    public LayerActivations activations(List<Raster> crops, String layer) {
        return activations(crops, List.of(layer)).get(layer);
    }

    @Override
    public Map<String, LayerActivations> activations(List<Raster> crops, List<String> layers) {
        HumanInput.Preparation preparation = spec.model().preparation();
        int channels = HumanInput.channels(preparation);
        int per = inputSize * inputSize * channels;
        float[] input = new float[crops.size() * per];
        for (int i = 0; i < crops.size(); i++) {
            System.arraycopy(HumanInput.prepare(preparation, crops.get(i), inputSize), 0, input, i * per, per);
        }
        return run(input, crops.size(), layers);
    }

    /** {@link #run(float[], int, List)} for one layer. */
    public LayerActivations run(float[] input, int count, String layer) {
        return run(input, count, List.of(layer)).get(layer);
    }

    /**
     * Runs prepared inputs ({@code count} NHWC tensors of the graph's input shape, back to back) up to the layers, in one
     * pass; graphs whose input takes one image at a time (centernet) are run image by image, two images at a time on
     * separate threads (each PyTorch op runs on one thread, so two runs use both cores of a small machine).
     */
    public Map<String, LayerActivations> run(float[] input, int count, List<String> layers) {
        int per = input.length / count;
        int step = batchOfOne ? 1 : count;
        Map<String, float[]> data = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, long[]> itemShapes = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.stream.IntStream starts = java.util.stream.IntStream.iterate(0, first -> first < count,
                first -> first + step);
        (batchOfOne ? starts.parallel() : starts).forEach(first -> {
            try (NDManager m = base.newSubManager()) {
                long[] shape = graph.model().inputShape().clone();
                shape[0] = step;
                NDArray x = m.create(Arrays.copyOfRange(input, first * per, (first + step) * per), new Shape(shape));
                Map<String, NDArray> out = graph.run(x, layers);
                for (String layer : layers) {
                    NDArray values = out.get(layer);
                    long[] s = values.getShape().getShape();
                    itemShapes.putIfAbsent(layer, Arrays.copyOfRange(s, 1, s.length));
                    float[] part = values.toFloatArray();
                    float[] all = data.computeIfAbsent(layer, l -> new float[part.length / step * count]);
                    System.arraycopy(part, 0, all, first * (part.length / step), part.length);
                }
            }
        });
        Map<String, LayerActivations> out = new LinkedHashMap<>();
        for (String layer : layers) {
            out.put(layer, new LayerActivations(layer, count, itemShapes.get(layer), data.get(layer)));
        }
        return out;
    }

    @Override
    public void lesion(UnitLesion lesion) {
        graph.intervene(lesion.layer(), new UnitLesionOp(base, lesion));
    }

    @Override
    public void close() {
        graph.close();
        base.close();
    }
}
