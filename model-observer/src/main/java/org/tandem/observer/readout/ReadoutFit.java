package org.tandem.observer.readout;

import java.util.List;

/**
 * A trained readout with its cross-validation record, psignifit-style: every number of the fit is on the result.
 *
 * @param model          the readout refitted on all training rows at the chosen hyperparameters
 * @param kind           the classifier
 * @param chosen         the chosen point of the grid (C, and γ for the RBF SVM)
 * @param grid           the points tried
 * @param gridAccuracy   mean CV accuracy over folds for each point of {@code grid}
 * @param gridLogLoss    mean held-out log loss (−ln p of the true class) over folds for each point, the tie-break
 * @param foldAccuracy   accuracy of each test fold at the chosen point
 * @param cvAccuracy     mean of {@code foldAccuracy}; the point was chosen on the same folds, so this is slightly
 *                       optimistic
 * @param folds          how the folds were made, e.g. {@code 6 folds by identity}
 */
public record ReadoutFit(ReadoutModel model, ClassifierKind kind, Hyperparameters chosen, List<Hyperparameters> grid,
                         double[] gridAccuracy, double[] gridLogLoss, double[] foldAccuracy, double cvAccuracy,
                         String folds) {
    public ReadoutFit {
        grid = List.copyOf(grid);
    }

    /** The chosen loss weight C. */
    public double c() {
        return chosen.c();
    }
}
