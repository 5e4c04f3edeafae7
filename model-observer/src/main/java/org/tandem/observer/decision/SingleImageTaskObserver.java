package org.tandem.observer.decision;

import java.util.List;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * What every network observer of classification and two-AFC trials shares: one image per trial, one task logit per
 * response label, the {@link DecisionRule} picking the answer, and the task probabilities stored
 * as {@code task:LABEL}. Subclasses say where the task logits come from and what else the stored output holds.
 */
public abstract class SingleImageTaskObserver implements Observer {
    public static final String TASK_PREFIX = "task:";

    protected final String id;
    /** The task's response labels, in the protocol's order: one task logit each. */
    protected final List<String> labels;
    protected final CropSource crops;
    protected final DecisionRule rule;

    protected SingleImageTaskObserver(String id, List<String> labels, CropSource crops, DecisionRule rule) {
        this.id = id;
        this.labels = List.copyOf(labels);
        this.crops = crops;
        this.rule = rule;
    }

    /** The task logits (one per label, in the labels' order) for the stimulus shown as {@code shown}. */
    protected abstract double[] taskLogits(StimulusRef stimulus, Raster shown);

    /** The stored output vector for a stimulus with these task logits. */
    protected abstract ModelOutput output(StimulusRef stimulus, double[] taskLogits);

    @Override
    public final ObserverKind kind() {
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
    public final Response respond(Trial trial, List<Raster> images) {
        if (trial.stimuli().size() != 1) {
            throw new TandemException("trial " + trial.id() + " shows " + trial.stimuli().size() + " stimuli; "
                    + id + " answers single-image trials only");
        }
        StimulusRef ref = trial.stimuli().get(0).stimulus();
        double[] taskLogits = taskLogits(ref, images.get(0));
        String answer = labels.get(rule.choose(taskLogits, trial.index()));
        return Response.ofModel(answer, output(ref, taskLogits));
    }

    /** Appends {@code task:LABEL} = softmax of the task logits, the probabilities the answer is drawn by. */
    protected final void addTaskProbabilities(double[] taskLogits, List<String> names, List<Double> values) {
        double[] p = TaskProbabilities.softmax(taskLogits, 1.0);
        for (int i = 0; i < p.length; i++) {
            names.add(TASK_PREFIX + labels.get(i));
            values.add(p[i]);
        }
    }
}
