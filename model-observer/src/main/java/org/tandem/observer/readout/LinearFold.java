package org.tandem.observer.readout;

/**
 * A training fold for a linear readout: the rows standardised on themselves with the bias input appended. Each fit starts
 * from the previous one's weights (a grid of C is fitted in order), which the solver may use as a warm start.
 */
final class LinearFold implements TrainingFold {
    private final LinearFitter fitter;
    private final Standardisation standardisation;
    private final double[][] z;
    private final int[] labels;
    private final int classes;
    private double[][] previous;

    LinearFold(LinearFitter fitter, float[][] rows, int[] labels, int classes) {
        this.fitter = fitter;
        this.standardisation = Standardisation.fit(rows);
        this.z = standardisation.withBias(rows);
        this.labels = labels;
        this.classes = classes;
    }

    @Override
    public LinearModel fit(Hyperparameters hyperparameters) {
        previous = fitter.fit(z, labels, classes, hyperparameters.c(), previous);
        return new LinearModel(standardisation, previous);
    }
}
