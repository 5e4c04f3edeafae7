package org.tandem.observer.readout;

/**
 * Fits the weights of a linear multi-class readout on standardised rows (bias input 1 last). The regularisation is
 * LIBLINEAR's: minimise ½‖W‖² + C·Σᵢ loss(i), so a larger C fits the training rows more closely.
 */
sealed interface LinearFitter permits SoftmaxRegression, LiblinearFitter {

    /**
     * @param z       standardised rows with the bias input appended
     * @param labels  class of each row, 0 … classes−1
     * @param classes number of classes
     * @param c       the loss weight C (> 0)
     * @return weights, one row of {@code z[0].length} per class
     */
    double[][] fit(double[][] z, int[] labels, int classes, double c);

    /**
     * Fits starting from {@code start} (weights fitted at another C on the same rows) where the solver can use it; the
     * optimum is the same, only reached sooner.
     */
    default double[][] fit(double[][] z, int[] labels, int classes, double c, double[][] start) {
        return fit(z, labels, classes, c);
    }

    /** Standardises the rows on themselves, then fits. */
    default LinearModel train(float[][] rows, int[] labels, int classes, double c) {
        return new LinearFold(this, rows, labels, classes).fit(Hyperparameters.linear(c));
    }
}
