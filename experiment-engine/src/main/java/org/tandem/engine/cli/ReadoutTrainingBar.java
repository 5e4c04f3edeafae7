package org.tandem.engine.cli;

import org.tandem.observer.readout.TrainingProgress;

/**
 * A progress bar over a readout's training images: it appears when a readout observer starts running the training
 * images through its network (other observers never show it) and closes when the last image is done.
 */
final class ReadoutTrainingBar implements TrainingProgress, AutoCloseable {
    private Progress bar;

    @Override
    public void imagesDone(int done, int total) {
        if (bar == null) {
            bar = Progress.of("readout training images", total);
        }
        bar.stepTo(done);
        if (done == total) {
            close();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
