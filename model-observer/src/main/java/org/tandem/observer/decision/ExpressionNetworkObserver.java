package org.tandem.observer.decision;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.observer.faceapi.Expression;
import org.tandem.observer.faceapi.ExpressionClassifier;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.faceapi.FaceApiNetwork;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.faceapi.LayerExpressionClassifier;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.features.PredictionKeys;
import org.tandem.observer.manipulation.ManipulatedSpec;
import org.tandem.observer.manipulation.UnitSelector;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.human.HumanEmotionNet;
import org.tandem.observer.human.HumanSpec;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.PredictionCache;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * An expression network (face-api's, or human-models' emotion network) answering classification and two-AFC trials. Each response label stands for one of the
 * network's seven classes ({@link LabelClasses}); the task probabilities are the softmax over those labels' logits, i.e.
 * the network's probabilities with the other classes (e.g. neutral) dropped and the rest renormalised. For two-AFC this
 * is P(first label) = softmax of the two labels' logits. The {@link DecisionRule} picks the answer. The stored output holds
 * the seven probabilities under their expression names, then the task probabilities as {@code task:LABEL}.
 *
 * <p>The network is deterministic, so its prediction for a stimulus is computed once (batched per block) and reused.
 */
public final class ExpressionNetworkObserver extends SingleImageTaskObserver {
    private static final Logger LOG = LoggerFactory.getLogger(ExpressionNetworkObserver.class);

    private final LabelClasses classes;
    private final ExpressionClassifier net;
    private final AutoCloseable owned;
    private final Map<String, ExpressionPrediction> predictions = new HashMap<>();

    /** Answers with a network the caller owns and closes. */
    public ExpressionNetworkObserver(String id, Task task, ExpressionClassifier net, CropSource crops, DecisionRule rule) {
        this(id, LabelClasses.of(task), net, crops, rule, null);
    }

    private ExpressionNetworkObserver(String id, LabelClasses labels, ExpressionClassifier net, CropSource crops,
                                      DecisionRule rule, AutoCloseable owned) {
        super(id, labels.labels(), crops, rule);
        this.classes = labels;
        this.net = net;
        this.owned = owned;
    }

    /**
     * Loads the network a spec names ({@code faceapi:expression[:untrained?seed=N]}, {@code human:emotion[:untrained?seed=N]})
     * and answers with it; closing the
     * observer frees the network. The task is checked before any weights are read.
     */
    public static ExpressionNetworkObserver open(String spec, Task task, CropSource crops, DecisionRule rule) {
        return open(spec, task, crops, rule, UnitSelector.LISTED_ONLY);
    }

    /**
     * As {@link #open(String, Task, CropSource, DecisionRule)}, for a spec that may also manipulate the network
     * ({@code faceapi:expression?lesion=…&layer=L}, {@code ?shuffle=…}); the selector resolves a lesion's units.
     */
    public static ExpressionNetworkObserver open(String spec, Task task, CropSource crops, DecisionRule rule,
                                                 UnitSelector selector) {
        return open(spec, task, crops, rule, selector, PredictionCache.NONE);
    }

    /** As above, with the network's predictions kept in and read from {@code cache}. */
    public static ExpressionNetworkObserver open(String spec, Task task, CropSource crops, DecisionRule rule,
                                                 UnitSelector selector, PredictionCache cache) {
        ManipulatedSpec manipulated = ManipulatedSpec.parse(spec);
        if (manipulated.manipulation() != null) {
            if (ModelSpec.parse(manipulated.network()).network() != FaceApiNetwork.EXPRESSION) {
                throw new TandemException("model '" + spec + "' does not classify expressions; read it out with "
                        + spec + "&readout=logistic");
            }
            LabelClasses labels = LabelClasses.of(task);
            FeatureNetwork network = FeatureNetworks.open(spec, selector);
            return new ExpressionNetworkObserver(network.id(), labels,
                    cached(new LayerExpressionClassifier(network), network.predictionKey().orElse(null), cache),
                    crops, rule, network);
        }
        if (spec.trim().startsWith(HumanSpec.PREFIX)) {
            LabelClasses labels = LabelClasses.of(task);
            if (cache != PredictionCache.NONE) {
                String id = HumanSpec.parse(spec).toString();
                String key = PredictionKeys.of(ModelStore.humanModels().pkg().cacheName(), id);
                LazyExpressionClassifier lazy = new LazyExpressionClassifier(() -> HumanEmotionNet.open(spec));
                return new ExpressionNetworkObserver(id, labels, cached(lazy, key, cache), crops, rule, lazy);
            }
            HumanEmotionNet net = HumanEmotionNet.open(spec);
            return new ExpressionNetworkObserver(net.id(), labels, net, crops, rule, net);
        }
        ModelSpec parsed = ModelSpec.parse(spec);
        if (parsed.network() != FaceApiNetwork.EXPRESSION) {
            throw new TandemException("model '" + spec + "' does not classify expressions; only faceapi:expression"
                    + " (or its untrained twin) answers classification and two-afc trials from its own outputs; read "
                    + spec + " out with " + spec + (spec.contains("?") ? "&" : "?") + "readout=logistic");
        }
        LabelClasses labels = LabelClasses.of(task);
        ModelStore store = ModelStore.faceApi();
        if (cache != PredictionCache.NONE) {
            String key = PredictionKeys.of(store.pkg().cacheName(), parsed.toString());
            LazyExpressionClassifier lazy = new LazyExpressionClassifier(() -> load(parsed, store));
            return new ExpressionNetworkObserver(parsed.toString(), labels, cached(lazy, key, cache), crops, rule,
                    lazy);
        }
        ExpressionClassifier net = load(parsed, store);
        return new ExpressionNetworkObserver(parsed.toString(), labels, net, crops, rule, net);
    }

    /** face-api's expression network (or its twin), owning the manager its weights live in. */
    private static ExpressionClassifier load(ModelSpec spec, ModelStore store) {
        var weights = spec.weights(store);
        NDManager base = DjlEngine.newBaseManager();
        FaceExpressionNet net = new FaceExpressionNet(base, weights);
        return new ExpressionClassifier() {
            @Override
            public List<ExpressionPrediction> predict(List<Raster> crops) {
                return net.predict(crops);
            }

            @Override
            public void close() {
                net.close();
                base.close();
            }
        };
    }

    /** The classifier with its predictions kept under {@code key} (its outputs), or itself without a key or cache. */
    private static ExpressionClassifier cached(ExpressionClassifier net, String key, PredictionCache cache) {
        return key == null || cache == PredictionCache.NONE ? net
                : new CachedExpressionClassifier(net, key + " outputs", cache);
    }

    @Override
    public void prepareBlock(List<Trial> blockTrials, StimulusImages images) {
        BlockStimuli todo = BlockStimuli.unseen(blockTrials, predictions::containsKey);
        if (todo.isEmpty()) {
            return;
        }
        List<ExpressionPrediction> out = net.predict(todo.crops(images, crops));
        for (int i = 0; i < out.size(); i++) {
            predictions.put(todo.stimuli().get(i).id(), out.get(i));
        }
        LOG.debug("{} predicted {} stimuli for the block", id, out.size());
    }

    @Override
    protected double[] taskLogits(StimulusRef stimulus, Raster shown) {
        float[] logits = prediction(stimulus, shown).logits();
        double[] taskLogits = new double[classes.size()];
        for (int i = 0; i < taskLogits.length; i++) {
            taskLogits[i] = logits[classes.classes().get(i).ordinal()];
        }
        return taskLogits;
    }

    private ExpressionPrediction prediction(StimulusRef stimulus, Raster shown) {
        return predictions.computeIfAbsent(stimulus.id(), key -> net.predict(List.of(crops.crop(stimulus, shown))).get(0));
    }

    @Override
    protected ModelOutput output(StimulusRef stimulus, double[] taskLogits) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        float[] p = predictions.get(stimulus.id()).probabilities();
        for (Expression e : Expression.values()) {
            names.add(e.label());
            values.add((double) p[e.ordinal()]);
        }
        addTaskProbabilities(taskLogits, names, values);
        return new ModelOutput(names, values);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot free the network " + id, e);
            }
        }
    }
}
