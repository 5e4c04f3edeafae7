package org.tandem.observer.readout;

import java.util.List;

/**
 * Trains a readout: for each C of the grid, fits on the training folds of a group k-fold split and scores the held-out
 * identities; picks the C with the best mean fold accuracy, and among equally accurate ones the C whose held-out
 * probabilities have the lowest mean log loss (separable training sets tie at 100 % for every C, and the strongest
 * regularisation would then leave nearly flat probabilities); then refits on all rows at that C. Deterministic given the
 * options' seed.
 */
public final class ReadoutTrainer {
    /** Accuracies closer than this are equal: fold means of equal counts may differ in the last bit. */
    private static final double TIE = 1e-9;

    private ReadoutTrainer() {
    }

    public static ReadoutFit train(LabelledRows data, ReadoutOptions options) {
        int folds = options.folds() == 0 ? GroupKFold.defaultFolds((int) data.groups().stream().distinct().count())
                : options.folds();
        List<GroupKFold.Fold> split = GroupKFold.split(data.groups(), folds, options.seed());
        LinearFitter fitter = options.kind().fitter(options.seed());
        double[] grid = options.grid();
        double[] gridAccuracy = new double[grid.length];
        double[] gridLogLoss = new double[grid.length];
        double[][] foldAccuracy = new double[grid.length][split.size()];
        int best = 0;
        for (int g = 0; g < grid.length; g++) {
            for (int f = 0; f < split.size(); f++) {
                LabelledRows train = data.subset(split.get(f).train());
                LinearModel model = fitter.train(train.rows(), train.labels(), data.classes(), grid[g]);
                LabelledRows test = data.subset(split.get(f).test());
                foldAccuracy[g][f] = accuracy(model, test);
                gridAccuracy[g] += foldAccuracy[g][f];
                gridLogLoss[g] += logLoss(model, test);
            }
            gridAccuracy[g] /= split.size();
            gridLogLoss[g] /= split.size();
            double gain = gridAccuracy[g] - gridAccuracy[best];
            if (gain > TIE || Math.abs(gain) <= TIE && gridLogLoss[g] < gridLogLoss[best]) {
                best = g;
            }
        }
        LinearModel model = fitter.train(data.rows(), data.labels(), data.classes(), grid[best]);
        return new ReadoutFit(model, options.kind(), grid[best], grid.clone(), gridAccuracy, gridLogLoss,
                foldAccuracy[best],
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

    /** Mean −ln p(true class) over the rows. */
    public static double logLoss(LinearModel model, LabelledRows rows) {
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum -= Math.log(Math.max(model.probabilities(rows.rows()[i])[rows.labels()[i]], Double.MIN_NORMAL));
        }
        return sum / rows.size();
    }
}
