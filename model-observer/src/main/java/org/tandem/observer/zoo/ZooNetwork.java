package org.tandem.observer.zoo;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.usermodel.InputSpec;
import org.tandem.observer.usermodel.Outputs;
import org.tandem.protocols.observer.Raster;

/**
 * An architecture control: a DJL model-zoo network with random Xavier weights drawn from an explicit seed. Its layers
 * are the top-level blocks under DJL's own names ({@code 01SequentialBlock}, ..., {@code 07Linear}); the default layer
 * is the one before the classifier (VGG's fc7 after ReLU and dropout, ResNet's flattened global pool).
 */
public final class ZooNetwork implements FeatureNetwork {
    /** PyTorch has one global generator; seeding and drawing must not interleave between networks. */
    private static final Object SEED_LOCK = new Object();
    private static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    private static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    private final ZooSpec spec;
    private final NDManager manager;
    private final Block block;
    private final InputSpec input;
    private final List<String> layers = new ArrayList<>();

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
        int per = 3 * spec.size() * spec.size();
        float[] batch = new float[crops.size() * per];
        for (int i = 0; i < crops.size(); i++) {
            System.arraycopy(input.tensor(crops.get(i)), 0, batch, i * per, per);
        }
        try (NDManager run = manager.newSubManager()) {
            ParameterStore parameters = new ParameterStore(run, false);
            NDList x = new NDList(run.create(batch, new Shape(input.batchShape(crops.size()))));
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
    public void close() {
        manager.close();
    }
}
