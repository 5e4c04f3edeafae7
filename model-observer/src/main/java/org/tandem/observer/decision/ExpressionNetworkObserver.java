package org.tandem.observer.decision;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.observer.faceapi.Expression;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.faceapi.FaceApiNetwork;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * The face-api expression network answering classification and two-AFC trials. Each response label stands for one of the
 * network's seven classes ({@link LabelClasses}); the task probabilities are the softmax over those labels' logits, i.e.
 * the network's probabilities with the other classes (e.g. neutral) dropped and the rest renormalised. For two-AFC this
 * is P(first label) = softmax of the two labels' logits. The {@link DecisionRule} picks the answer. The stored output holds
 * the seven probabilities under their expression names, then the task probabilities as {@code task:LABEL}.
 *
 * <p>The network is deterministic, so its prediction for a stimulus is computed once (batched per block) and reused.
 */
public final class ExpressionNetworkObserver implements Observer {
    private static final Logger LOG = LoggerFactory.getLogger(ExpressionNetworkObserver.class);
    public static final String TASK_PREFIX = "task:";

    private final String id;
    private final LabelClasses labels;
    private final CropSource crops;
    private final DecisionRule rule;
    private final FaceExpressionNet net;
    private final AutoCloseable owned;
    private final Map<String, ExpressionPrediction> predictions = new HashMap<>();

    /** Answers with a network the caller owns and closes. */
    public ExpressionNetworkObserver(String id, Task task, FaceExpressionNet net, CropSource crops, DecisionRule rule) {
        this(id, LabelClasses.of(task), net, crops, rule, null);
    }

    private ExpressionNetworkObserver(String id, LabelClasses labels, FaceExpressionNet net, CropSource crops,
                                      DecisionRule rule, AutoCloseable owned) {
        this.id = id;
        this.labels = labels;
        this.net = net;
        this.crops = crops;
        this.rule = rule;
        this.owned = owned;
    }

    /**
     * Loads the network a spec names ({@code faceapi:expression[:untrained?seed=N]}) and answers with it; closing the
     * observer frees the network. The task is checked before any weights are read.
     */
    public static ExpressionNetworkObserver open(String spec, Task task, CropSource crops, DecisionRule rule) {
        ModelSpec parsed = ModelSpec.parse(spec);
        if (parsed.network() != FaceApiNetwork.EXPRESSION) {
            throw new TandemException("model '" + spec + "' does not classify expressions; only faceapi:expression"
                    + " (or its untrained twin) can answer classification and two-afc trials for now");
        }
        LabelClasses labels = LabelClasses.of(task);
        var weights = parsed.weights(ModelStore.faceApi());
        NDManager base = DjlEngine.newBaseManager();
        FaceExpressionNet net = new FaceExpressionNet(base, weights);
        AutoCloseable owned = () -> {
            net.close();
            base.close();
        };
        return new ExpressionNetworkObserver(parsed.toString(), labels, net, crops, rule, owned);
    }

    @Override
    public ObserverKind kind() {
        return ObserverKind.MODEL;
    }

    @Override
    public String id() {
        return id;
    }

    public DecisionRule rule() {
        return rule;
    }

    @Override
    public void prepareBlock(List<Trial> blockTrials, StimulusImages images) {
        Map<String, StimulusRef> todo = new LinkedHashMap<>();
        for (Trial trial : blockTrials) {
            for (ShownStimulus shown : trial.stimuli()) {
                if (!predictions.containsKey(shown.stimulus().id())) {
                    todo.put(shown.stimulus().id(), shown.stimulus());
                }
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        List<Raster> batch = new ArrayList<>(todo.size());
        for (StimulusRef ref : todo.values()) {
            batch.add(crops.crop(ref, images.image(ref)));
        }
        List<ExpressionPrediction> out = net.predict(batch);
        int i = 0;
        for (String stimulusId : todo.keySet()) {
            predictions.put(stimulusId, out.get(i++));
        }
        LOG.debug("{} predicted {} stimuli for the block", id, todo.size());
    }

    @Override
    public Response respond(Trial trial, List<Raster> images) {
        if (trial.stimuli().size() != 1) {
            throw new TandemException("trial " + trial.id() + " shows " + trial.stimuli().size()
                    + " stimuli; the expression network answers single-image trials only");
        }
        StimulusRef ref = trial.stimuli().get(0).stimulus();
        ExpressionPrediction prediction = predictions.computeIfAbsent(ref.id(),
                key -> net.predict(List.of(crops.crop(ref, images.get(0)))).get(0));
        float[] logits = prediction.logits();
        double[] taskLogits = new double[labels.size()];
        for (int i = 0; i < taskLogits.length; i++) {
            taskLogits[i] = logits[labels.classes().get(i).ordinal()];
        }
        double[] taskP = TaskProbabilities.softmax(taskLogits, 1.0);
        String answer = labels.labels().get(rule.choose(taskLogits, trial.index()));
        return Response.ofModel(answer, output(prediction, taskP));
    }

    private ModelOutput output(ExpressionPrediction prediction, double[] taskP) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        float[] p = prediction.probabilities();
        for (Expression e : Expression.values()) {
            names.add(e.label());
            values.add((double) p[e.ordinal()]);
        }
        for (int i = 0; i < taskP.length; i++) {
            names.add(TASK_PREFIX + labels.labels().get(i));
            values.add(taskP[i]);
        }
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
