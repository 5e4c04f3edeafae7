package org.tandem.observer.readout;

/**
 * A trained readout with its cross-validation record, psignifit-style: every number of the fit is on the result.
 *
 * @param model          the readout refitted on all training rows at the chosen C
 * @param kind           the classifier
 * @param c              the chosen loss weight C
 * @param grid           the C values tried
 * @param gridAccuracy   mean CV accuracy over folds for each C in {@code grid}
 * @param gridLogLoss    mean held-out log loss (−ln p of the true class) over folds for each C, the tie-break
 * @param foldAccuracy   accuracy of each test fold at the chosen C
 * @param cvAccuracy     mean of {@code foldAccuracy}; C was chosen on the same folds, so this is slightly optimistic
 */
public record ReadoutFit(LinearModel model, ClassifierKind kind, double c, double[] grid, double[] gridAccuracy,
                         double[] gridLogLoss, double[] foldAccuracy, double cvAccuracy) {
}
