package org.tandem.observer.readout;

import java.util.function.Function;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;

/**
 * Where a readout observer's training images come from, and who hears how far their features are. The images are drawn by
 * the caller that owns the stimuli (model-observer draws none); only the expressions a task's labels stand for are needed.
 *
 * @param imagesFor the training images for a task
 * @param progress  told after each batch of training images has been run through the network
 */
public record ReadoutTraining(Function<Task, TrainingImages> imagesFor, TrainingProgress progress) {

    /** For callers that offer no training set: asking for a readout is then a clear error. */
    public static final ReadoutTraining NONE = new ReadoutTraining(task -> {
        throw new TandemException("readout observers need a training set, which this command does not offer;"
                + " run them with tandem simulate");
    }, TrainingProgress.NONE);
}
