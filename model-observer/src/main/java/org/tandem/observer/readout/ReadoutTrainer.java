package org.tandem.observer.readout;

import java.util.List;

/**
 * Trains a readout: for each C of the grid, fits on the training folds of a group k-fold split and scores the held-out
 * identities; picks the C with the best mean fold accuracy (the first, i.e. the most regularised, on a tie); then refits on
 * all rows at that C. Deterministic given the options' seed.
 */
public final class ReadoutTrainer {
    private ReadoutTrainer() {
    }

    public static ReadoutFit train(LabelledRows data, ReadoutOptions options) {
        int folds = options.folds() == 0 ? GroupKFold.defaultFolds((int) data.groups().stream().distinct().count())
                : options.folds();
        List<GroupKFold.Fold> split = GroupKFold.split(data.groups(), folds, options.seed());
        LinearFitter fitter = options.kind().fitter(options.seed());
        double[] grid = options.grid();
        double[] gridAccuracy = new double[grid.length];
        double[][] foldAccuracy = new double[grid.length][split.size()];
        int best = 0;
        for (int g = 0; g < grid.length; g++) {
            for (int f = 0; f < split.size(); f++) {
                LabelledRows train = data.subset(split.get(f).train());
                LinearModel model = fitter.train(train.rows(), train.labels(), data.classes(), grid[g]);
                foldAccuracy[g][f] = accuracy(model, data.subset(split.get(f).test()));
                gridAccuracy[g] += foldAccuracy[g][f] / split.size();
            }
            if (gridAccuracy[g] > gridAccuracy[best]) {
                best = g;
            }
        }
        LinearModel model = fitter.train(data.rows(), data.labels(), data.classes(), grid[best]);
        return new ReadoutFit(model, options.kind(), grid[best], grid.clone(), gridAccuracy, foldAccuracy[best],
                gridAccuracy[best]);
    }

    /** The share of rows whose predicted class is their label. */
    public static double accuracy(LinearModel model, LabelledRows rows) {
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (model.predict(rows.rows()[i]) == rows.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / rows.size();
    }
}
