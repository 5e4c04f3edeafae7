package org.tandem.engine.simulate;

import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.decision.LabelClasses;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.observer.readout.TrainingImage;
import org.tandem.protocols.Task;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.synthetic.FaceSet;

/**
 * The built-in readout training sets {@code SET-readout}: faces of a built-in set (the one the protocol shows) of
 * identities {@code 101} … {@code 124}, which no built-in protocol shows (they use {@code 01} … {@code 24} and {@code
 * average}), each showing the six basic expressions as that set draws them (for {@code varied-faces}, with the same
 * variation process as the trial stimuli), cropped to the face box as trial stimuli are. The identities come from the
 * same set seed as the protocols' faces, so training and test faces are drawn from one population.
 */
public final class ReadoutTrainingFaces {
    public static final int FIRST_IDENTITY = 101;
    public static final int IDENTITIES = 24;
    public static final List<String> SIX_EXPRESSIONS = List.of("angry", "disgusted", "fearful", "happy", "sad", "surprised");

    private ReadoutTrainingFaces() {
    }

    /** The training identities' names, {@code 101} … {@code 124}. */
    public static List<String> identities() {
        List<String> names = new ArrayList<>(IDENTITIES);
        for (int i = FIRST_IDENTITY; i < FIRST_IDENTITY + IDENTITIES; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** The images of the expressions a task's labels stand for (e.g. happy and sad for the happy/sad 2AFC). */
    public static TrainingImages forTask(FaceSet faces, Task task) {
        return forTask(faces, task, ReadoutLabels.EXPRESSION);
    }

    /**
     * For an expression readout the images of the expressions the task's labels stand for; for an identity readout all
     * six expressions of every training identity (whose names no built-in protocol's labels use, so such a readout
     * refuses those protocols, naming the identities it lacks).
     */
    public static TrainingImages forTask(FaceSet faces, Task task, ReadoutLabels labels) {
        return of(faces, labels == ReadoutLabels.EXPRESSION ? LabelClasses.expressionNames(task) : SIX_EXPRESSIONS);
    }

    /** The images of the given expressions, identity by identity. */
    public static TrainingImages of(FaceSet faces, List<String> expressions) {
        List<TrainingImage> images = new ArrayList<>();
        for (String identity : identities()) {
            for (String expression : expressions) {
                StimulusRef ref = StimulusRef.prototype(faces.name(), identity, expression);
                images.add(new TrainingImage(ref, expression, faces.renderFaceCrop(ref)));
            }
        }
        return new TrainingImages(nameOf(faces), images);
    }

    /** The training set's name, e.g. {@code varied-faces-readout}. */
    public static String nameOf(FaceSet faces) {
        return faces.name() + "-readout";
    }
}
