package org.tandem.observer.readout;

import java.util.Arrays;
import org.tandem.protocols.TandemException;

/**
 * How a readout is trained: the classifier, the grid of loss weights C searched by cross-validation (for the RBF SVM
 * crossed with kernel widths, {@link ClassifierKind#grid}), what it learns to tell apart, how the folds are made, and the
 * seed that fixes the folds and the linear SVM's visiting order.
 */
public record ReadoutOptions(ClassifierKind kind, double[] grid, ReadoutLabels labels, CrossValidation cv, long seed) {
    /** C from strong to weak regularisation, a decade apart. */
    public static final double[] DEFAULT_GRID = {0.001, 0.01, 0.1, 1, 10};

    public ReadoutOptions {
        if (grid.length == 0 || Arrays.stream(grid).anyMatch(c -> !(c > 0) || Double.isInfinite(c))) {
            throw new TandemException("readout C grid must hold positive numbers, got " + Arrays.toString(grid));
        }
        grid = grid.clone();
    }

    /** An expression readout on the default grid, folds by identity. */
    public static ReadoutOptions of(ClassifierKind kind, long seed) {
        return of(kind, ReadoutSetup.DEFAULT, seed);
    }

    /** The default grid with the labels and folds of the setup. */
    public static ReadoutOptions of(ClassifierKind kind, ReadoutSetup setup, long seed) {
        return new ReadoutOptions(kind, DEFAULT_GRID, setup.labels(), setup.cv(), seed);
    }
}
