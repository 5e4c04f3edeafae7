package org.tandem.observer.usermodel;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.faceapi.Softmax;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * A user's TorchScript or ONNX network, loaded through DJL as its {@link ModelCard} describes. Loading ends with a dry
 * run on a blank image of the declared size, so a wrong size, a feature index past the model's outputs or a label list
 * of the wrong length is reported when the model is opened, not halfway through an experiment.
 */
public final class UserModel implements FeatureNetwork {
    private final String id;
    private final ModelCard card;
    private final Model model;
    private final Map<String, Integer> layers;
    private final String defaultLayer;
    private final int lastOutput;
    /** False for models exported with a fixed batch of one (common for ONNX); those run image by image. */
    private final boolean batches;

    private UserModel(String id, ModelCard card, Model model) {
        this.id = id;
        this.card = card;
        this.model = model;
        List<Shape> outputs = dryRun(1);
        this.batches = tryRun(2);
        this.lastOutput = outputs.size() - 1;
        this.layers = layers(card, outputs.size());
        this.defaultLayer = card.defaultLayer() != null ? card.defaultLayer() : layers.keySet().iterator().next();
        checkLabels(outputs.get(lastOutput));
    }

    /** Reads the card, loads the model and checks it against the card. */
    public static UserModel open(String id, Path cardFile) {
        ModelCard card = ModelCardReader.read(cardFile);
        Model model = load(card);
        try {
            return new UserModel(id, card, model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public ModelCard card() {
        return card;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> layers() {
        return List.copyOf(layers.keySet());
    }

    @Override
    public String defaultLayer() {
        return defaultLayer;
    }

    @Override
    public LayerActivations activations(List<Raster> crops, String layer) {
        Integer index = layers.get(layer);
        if (index == null) {
            throw Outputs.unknownLayer(id, layer, layers());
        }
        return output(crops, index, layer);
    }

    /** The last output for each image, with the card's labels and probabilities (softmax of logits unless the card says
     * the model already outputs probabilities). */
    public List<Prediction> predict(List<Raster> images) {
        if (card.labels().isEmpty()) {
            throw CardError.of(card.card(), "labels", "missing, so the model's outputs have no class names; add"
                    + " \"labels\" or read a layer instead");
        }
        LayerActivations scores = output(images, lastOutput, "output" + lastOutput);
        List<Prediction> predictions = new ArrayList<>();
        for (float[] row : scores.rows()) {
            predictions.add(new Prediction(card.labels(), row, card.outputsAreProbabilities() ? row : Softmax.of(row)));
        }
        return predictions;
    }

    @Override
    public void close() {
        model.close();
    }

    private LayerActivations output(List<Raster> images, int index, String name) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to run");
        }
        if (batches) {
            return run(images, index, name);
        }
        List<LayerActivations> single = new ArrayList<>();
        for (Raster image : images) {
            single.add(run(List.of(image), index, name));
        }
        float[] all = new float[single.stream().mapToInt(a -> a.data().length).sum()];
        int at = 0;
        for (LayerActivations a : single) {
            System.arraycopy(a.data(), 0, all, at, a.data().length);
            at += a.data().length;
        }
        return new LayerActivations(name, images.size(), single.get(0).itemShape(), all);
    }

    private LayerActivations run(List<Raster> images, int index, String name) {
        int per = 3 * card.input().height() * card.input().width();
        float[] batch = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(card.input().tensor(images.get(i)), 0, batch, i * per, per);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            return Outputs.activations(name, forward(manager, batch, card.input().batchShape(images.size())).get(index));
        }
    }

    private NDList forward(NDManager manager, float[] batch, long[] shape) {
        NDList input = new NDList(manager.create(batch, new Shape(shape)));
        return model.getBlock().forward(new ParameterStore(manager, false), input, false);
    }

    /** Runs a blank batch of {@code n}; returns the outputs' shapes, or reports the declared size as rejected. */
    private List<Shape> dryRun(int n) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            return Arrays.stream(forward(manager, blank(n), card.input().batchShape(n)).getShapes()).toList();
        } catch (RuntimeException e) {
            throw CardError.of(card.card(), "input.size", "the model rejects a " + Arrays.toString(
                    card.input().batchShape(n)) + " input (" + firstLine(e) + "); declare the size and layout the model"
                    + " was exported for");
        }
    }

    private boolean tryRun(int n) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            forward(manager, blank(n), card.input().batchShape(n));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A blank (all-zero) batch of the declared size: the cheapest input every model accepts. */
    private float[] blank(int n) {
        return new float[n * 3 * card.input().height() * card.input().width()];
    }

    private void checkLabels(Shape last) {
        long width = last.slice(1).size();
        if (!card.labels().isEmpty() && width != card.labels().size()) {
            throw CardError.of(card.card(), "labels", card.labels().size() + " labels, but the model's last output has "
                    + width + " values; give one label per output value");
        }
    }

    private static Map<String, Integer> layers(ModelCard card, int outputs) {
        Map<String, Integer> layers = new LinkedHashMap<>();
        if (card.features().isEmpty()) {
            for (int i = 0; i < outputs; i++) {
                layers.put("output" + i, i);
            }
        } else {
            card.features().entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .forEach(e -> layers.put(e.getKey(), e.getValue()));
        }
        layers.forEach((name, index) -> {
            if (index >= outputs) {
                throw CardError.of(card.card(), "features." + name, "output index " + index + ", but the model has "
                        + outputs + " output(s), numbered from 0");
            }
        });
        if (card.defaultLayer() != null && !layers.containsKey(card.defaultLayer())) {
            throw CardError.of(card.card(), "default_layer", "unknown layer '" + card.defaultLayer() + "'; the model's"
                    + " layers are " + layers.keySet());
        }
        return layers;
    }

    private static Model load(ModelCard card) {
        Path file = card.modelFile();
        DjlEngine.engine(card.format().engine());
        Model model = Model.newInstance(file.getFileName().toString(), card.format().engine());
        try {
            // One thread each, for the same reason as PyTorch's (see DjlEngine); ignored by the PyTorch loader.
            model.load(file.getParent(), file.getFileName().toString(),
                    Map.of("interOpNumThreads", "1", "intraOpNumThreads", "1"));
            return model;
        } catch (Exception e) {
            model.close();
            throw CardError.of(card.card(), "file", "cannot load " + file + " as " + card.format().cardName() + " ("
                    + firstLine(e) + "); check the file and the card's format");
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").trim();
    }
}
