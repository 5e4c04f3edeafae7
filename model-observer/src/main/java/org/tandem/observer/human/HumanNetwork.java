package org.tandem.observer.human;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.observer.explain.ExplainableNetwork;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.observer.nn.UnitLesionOp;
import org.tandem.observer.tfgraph.CompiledGraph;
import org.tandem.observer.tfgraph.GraphModel;
import org.tandem.observer.tfgraph.UntrainedGraph;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * A human-models network (or its untrained twin) as a {@link FeatureNetwork}: each crop is prepared as the human library
 * prepares faces for it ({@link HumanInput}), and every node of its graph can be read as a layer. Its class scores (or a
 * readout's) can be differentiated with respect to any node with spatial maps ({@link ExplainableNetwork}).
 */
public final class HumanNetwork implements FeatureNetwork, ExplainableNetwork {
    private final HumanSpec spec;
    private final NDManager base;
    private final CompiledGraph graph;
    private final int inputSize;
    private final boolean batchOfOne;
    private List<String> mapLayers;

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
    public java.util.Optional<String> predictionKey() {
        return java.util.Optional.of(org.tandem.observer.features.PredictionKeys.of(
                ModelStore.humanModels().pkg().cacheName(), id()));
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
        return run(prepared(crops), crops.size(), layers);
    }

    private float[] prepared(List<Raster> crops) {
        HumanInput.Preparation preparation = spec.model().preparation();
        int per = inputSize * inputSize * HumanInput.channels(preparation);
        float[] input = new float[crops.size() * per];
        for (int i = 0; i < crops.size(); i++) {
            System.arraycopy(HumanInput.prepare(preparation, crops.get(i), inputSize), 0, input, i * per, per);
        }
        return input;
    }

    @Override
    public synchronized List<String> mapLayers() {
        if (mapLayers == null) {
            // which nodes keep a spatial layout ([H, W, C] per image, more than one position: a pooled [1, 1, C] has no
            // map), read off one blank input's pass; shapes are read off the arrays, since a detector's post-processing
            // nodes do not keep the batch first
            try (NDManager m = base.newSubManager()) {
                long[] shape = graph.model().inputShape().clone();
                shape[0] = 1;
                Map<String, NDArray> all = graph.run(m.zeros(new Shape(shape)), layers());
                mapLayers = all.entrySet().stream().filter(e -> spatial(e.getValue().getShape()))
                        .map(Map.Entry::getKey).toList();
            }
        }
        return mapLayers;
    }

    private static boolean spatial(Shape s) {
        return s.dimension() == 4 && s.get(0) == 1 && s.get(1) * s.get(2) > 1;
    }

    /**
     * The last of the network's block layers with spatial maps, as Grad-CAM maps the last convolutional block, among
     * those its default layer reads, so a readout of that layer can be mapped there (centernet's default layer pools
     * inside its last block).
     */
    @Override
    public String defaultMapLayer() {
        List<String> spatial = blockLayers().stream().filter(mapLayers()::contains)
                .filter(layer -> graph.dependsOn(defaultLayer(), layer)).toList();
        return spatial.isEmpty() ? ExplainableNetwork.super.defaultMapLayer() : spatial.get(spatial.size() - 1);
    }

    /** human:emotion's seven classes, read before its final softmax; the other networks' outputs are not classes. */
    @Override
    public Optional<ScoreHead> ownScores() {
        if (spec.model() != HumanModel.EMOTION) {
            return Optional.empty();
        }
        return graph.softmaxInput(outputs().get(0)).map(logits -> ScoreHead.outputs(logits, HumanEmotionNet.classes()));
    }

    @Override
    public float[] inputPixels(Raster crop) {
        return HumanInput.pixels(spec.model().preparation(), crop, inputSize);
    }

    @Override
    public InputGeometry inputGeometry(int cropWidth, int cropHeight) {
        return HumanInput.geometry(spec.model().preparation(), cropWidth, cropHeight, inputSize);
    }

    @Override
    public LayerGradient gradient(List<Raster> crops, String layer, ScoreHead head, int[] targets) {
        if (!mapLayers().contains(layer)) {
            throw new TandemException("network " + id() + " has no spatial layer '" + layer + "' to map; its layers"
                    + " with maps are " + String.join(", ", mapLayers()));
        }
        if (!graph.dependsOn(head.layer(), layer)) {
            throw new TandemException("network " + id() + ": the scores are read at " + head.layer() + ", which does"
                    + " not depend on the mapped layer " + layer + "; map a layer it reads");
        }
        return HumanGradients.run(graph, base, prepared(crops), crops.size(), batchOfOne ? 1 : crops.size(), layer,
                head, targets);
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
