package org.tandem.observer.readout;

/** Reports how many training images have been run through the network, so a caller can show a progress bar. */
@FunctionalInterface
public interface TrainingProgress {
    TrainingProgress NONE = (done, total) -> {
    };

    void imagesDone(int done, int total);
}
