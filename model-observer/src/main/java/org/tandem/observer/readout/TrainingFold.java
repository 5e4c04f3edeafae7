package org.tandem.observer.readout;

/**
 * The rows of one training fold, standardised once (and for the RBF-kernel SVM with their distances computed once), ready
 * to be fitted at every point of the hyperparameter grid.
 */
interface TrainingFold {
    ReadoutModel fit(Hyperparameters hyperparameters);
}
