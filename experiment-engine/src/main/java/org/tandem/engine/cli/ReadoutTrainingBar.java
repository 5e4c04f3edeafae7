package org.tandem.engine.cli;

import org.tandem.engine.simulate.ReadoutTrainingFaces;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.readout.ReadoutTraining;
import org.tandem.observer.readout.TrainingProgress;

/**
 * The readout training set of the built-in faces with a progress bar over its images: the bar appears when a readout
 * observer starts running the training images through its network (other observers never show it) and closes when the
 * last image is done.
 */
final class ReadoutTrainingBar implements TrainingProgress, AutoCloseable {
    private Progress bar;

    static ReadoutTraining of(SyntheticFaceCrops crops, ReadoutTrainingBar bar) {
        return new ReadoutTraining(task -> ReadoutTrainingFaces.forTask(crops.faces(), task), bar);
    }

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
