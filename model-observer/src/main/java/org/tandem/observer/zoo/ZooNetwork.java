package org.tandem.observer.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.observer.explain.ExplainableNetwork;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.explain.TargetScores;
import org.tandem.observer.faceapi.FaceCropPreprocessor;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.usermodel.InputSpec;
import org.tandem.observer.usermodel.Outputs;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * An architecture control: a DJL model-zoo network with random Xavier weights drawn from an explicit seed. Its layers
 * are the top-level blocks under DJL's own names ({@code 01SequentialBlock}, ..., {@code 07Linear}); the default layer
 * is the one before the classifier (VGG's fc7 after ReLU and dropout, ResNet's flattened global pool).
 */
public final class ZooNetwork implements FeatureNetwork, ExplainableNetwork {
    /** PyTorch has one global generator; seeding and drawing must not interleave between networks. */
    private static final Object SEED_LOCK = new Object();
    private static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    private static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    private final ZooSpec spec;
    private final NDManager manager;
    private final Block block;
    private final InputSpec input;
    private final List<String> layers = new ArrayList<>();
    private List<String> mapLayers;

    public ZooNetwork(ZooSpec spec) {
        this.spec = spec;
        this.input = new InputSpec(spec.size(), spec.size(), false, false, 1.0 / 255, IMAGENET_MEAN, IMAGENET_STD);
        this.manager = DjlEngine.newBaseManager();
        try {
            this.block = spec.architecture().build(spec.size());
            block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            synchronized (SEED_LOCK) {
                DjlEngine.engine(DjlEngine.ENGINE).setRandomSeed(spec.seed());
                block.initialize(manager, DataType.FLOAT32, new Shape(input.batchShape(1)));
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        for (Pair<String, Block> child : block.getChildren()) {
            layers.add(child.getKey());
        }
    }

    @Override
    public String id() {
        return spec.toString();
    }

    /** Its weights are drawn from the seed in its spec, by DJL's initialiser. */
    @Override
    public java.util.Optional<String> predictionKey() {
        return java.util.Optional.of(org.tandem.observer.features.PredictionKeys.of("djl-basic-model-zoo", id()));
    }

    @Override
    public List<String> layers() {
        return List.copyOf(layers);
    }

    /** The block that feeds the final classifier (the last {@code Linear}). */
    @Override
    public String defaultLayer() {
        int classifier = layers.size() - 1;
        while (classifier > 0 && !layers.get(classifier).endsWith("Linear")) {
            classifier--;
        }
        return layers.get(classifier - 1);
    }

    /** Runs the top-level blocks in order and stops at the named one, so early layers cost only their own blocks. */
    @Override
    public LayerActivations activations(List<Raster> crops, String layer) {
        if (!layers.contains(layer)) {
            throw Outputs.unknownLayer(id(), layer, layers);
        }
        if (crops.isEmpty()) {
            throw new IllegalArgumentException("no crops to run");
        }
        try (NDManager run = manager.newSubManager()) {
            ParameterStore parameters = new ParameterStore(run, false);
            NDList x = new NDList(run.create(batch(crops), new Shape(input.batchShape(crops.size()))));
            for (Pair<String, Block> child : block.getChildren()) {
                x = child.getValue().forward(parameters, x, false);
                if (child.getKey().equals(layer)) {
                    break;
                }
            }
            return Outputs.activations(layer, x.singletonOrThrow());
        }
    }

    @Override
    public synchronized List<String> mapLayers() {
        if (mapLayers == null) {
            // which blocks keep a spatial layout ([C, H, W] per image), read off one blank crop's pass
            Raster blank = new Raster(spec.size(), spec.size(), new byte[spec.size() * spec.size() * 3]);
            mapLayers = layers.stream().filter(l -> activations(List.of(blank), l).itemShape().length == 3).toList();
        }
        return mapLayers;
    }

    /** Architecture controls carry no trained classes: their maps explain a readout. */
    @Override
    public Optional<ScoreHead> ownScores() {
        return Optional.empty();
    }

    @Override
    public float[] inputPixels(Raster crop) {
        float[] rgb = new float[crop.rgb().length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = crop.rgb()[i] & 0xFF;
        }
        return crop.width() == spec.size() && crop.height() == spec.size() ? rgb
                : FaceCropPreprocessor.resizeBilinearLegacy(rgb, crop.height(), crop.width(), spec.size(), spec.size());
    }

    /** The crop is stretched to the square input (InputSpec's resize), no padding. */
    @Override
    public InputGeometry inputGeometry(int cropWidth, int cropHeight) {
        return new InputGeometry(spec.size(), (double) cropWidth / spec.size(), (double) cropHeight / spec.size(), 0,
                0);
    }

    /** The blocks up to the layer without a tape, then from a leaf copy of its output on to the head's layer. */
    @Override
    public LayerGradient gradient(List<Raster> crops, String layer, ScoreHead head, int[] targets) {
        if (!mapLayers().contains(layer)) {
            throw new TandemException("network " + id() + " has no spatial layer '" + layer + "' to map; its layers"
                    + " with maps are " + String.join(", ", mapLayers()));
        }
        int from = layers.indexOf(layer);
        int to = layers.indexOf(head.layer());
        if (to < from) {
            throw new TandemException("network " + id() + ": the scores are read at " + head.layer() + ", before the"
                    + " mapped layer " + layer + "; map a layer at or before it");
        }
        List<Pair<String, Block>> children = block.getChildren().stream().toList();
        try (NDManager run = manager.newSubManager()) {
            ParameterStore parameters = new ParameterStore(run, false);
            NDList x = new NDList(run.create(batch(crops), new Shape(input.batchShape(crops.size()))));
            for (int i = 0; i <= from; i++) {
                x = children.get(i).getValue().forward(parameters, x, false);
            }
            NDArray leaf = x.singletonOrThrow().duplicate();
            leaf.setRequiresGradient(true);
            long[] s = leaf.getShape().getShape();
            try (GradientCollector tape = leaf.getManager().getEngine().newGradientCollector()) {
                NDList y = new NDList(leaf);
                for (int i = from + 1; i <= to; i++) {
                    y = children.get(i).getValue().forward(parameters, y, false);
                }
                TargetScores picked = TargetScores.backward(tape, y.singletonOrThrow(), head, targets, run);
                return new LayerGradient(layer, crops.size(), (int) s[1], (int) s[2], (int) s[3],
                        TargetScores.floats(leaf), TargetScores.floats(leaf.getGradient()), picked.scores(),
                        picked.targets());
            }
        }
    }

    private float[] batch(List<Raster> crops) {
        int per = 3 * spec.size() * spec.size();
        float[] batch = new float[crops.size() * per];
        for (int i = 0; i < crops.size(); i++) {
            System.arraycopy(input.tensor(crops.get(i)), 0, batch, i * per, per);
        }
        return batch;
    }

    @Override
    public void close() {
        manager.close();
    }
}
