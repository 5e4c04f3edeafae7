package org.tandem.observer.readout;

import java.util.function.BiFunction;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;

/**
 * Where a readout observer's training images come from, and who hears how far their features are. The images are drawn or
 * read by the caller that owns the stimuli (model-observer draws none): the set the readout setup names ({@code train=},
 * or the default set), of which only the classes a task's labels stand for are needed.
 *
 * @param imagesFor the training images for a readout setup and a task
 * @param progress  told after each batch of training images has been run through the network
 */
public record ReadoutTraining(BiFunction<ReadoutSetup, Task, TrainingImages> imagesFor, TrainingProgress progress) {

    /** For callers that offer no training set: asking for a readout is then a clear error. */
    public static final ReadoutTraining NONE = new ReadoutTraining((setup, task) -> {
        throw new TandemException("readout observers need a training set, which this command does not offer;"
                + " run them with tandem simulate");
    }, TrainingProgress.NONE);
}
