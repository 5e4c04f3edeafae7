package org.tandem.observer.readout;

import java.util.List;

/**
 * Trains a readout: for each point of the grid (C, and γ for the RBF SVM), fits on the training folds of a group k-fold
 * split and scores the held-out groups; picks the point with the best mean fold accuracy, and among equally accurate ones
 * the point whose held-out probabilities have the lowest mean log loss (separable training sets tie at 100 % for every
 * C, and the strongest regularisation would then leave nearly flat probabilities); then refits on all rows there.
 * Deterministic given the options' seed.
 */
public final class ReadoutTrainer {
    /** Accuracies closer than this are equal: fold means of equal counts may differ in the last bit. */
    private static final double TIE = 1e-9;

    private ReadoutTrainer() {
    }

    /** @param data rows whose groups are what the options' cross-validation keeps whole */
    public static ReadoutFit train(LabelledRows data, ReadoutOptions options) {
        int groups = (int) data.groups().stream().distinct().count();
        int folds = options.cv().folds() == 0 ? GroupKFold.defaultFolds(groups) : options.cv().folds();
        String unit = options.cv().by() == CrossValidation.Grouping.IDENTITY ? "identities" : "images";
        List<GroupKFold.Fold> split = GroupKFold.split(data.groups(), folds, options.seed(), unit);
        List<Hyperparameters> grid = options.kind().grid(options.grid(), data.rows()[0].length);
        double[] gridAccuracy = new double[grid.size()];
        double[] gridLogLoss = new double[grid.size()];
        double[][] foldAccuracy = new double[grid.size()][split.size()];
        for (int f = 0; f < split.size(); f++) {
            LabelledRows train = data.subset(split.get(f).train());
            LabelledRows test = data.subset(split.get(f).test());
            TrainingFold fold = options.kind().prepare(train.rows(), train.labels(), data.classes(), options.seed());
            for (int g = 0; g < grid.size(); g++) {
                ReadoutModel model = fold.fit(grid.get(g));
                foldAccuracy[g][f] = accuracy(model, test);
                gridAccuracy[g] += foldAccuracy[g][f];
                gridLogLoss[g] += logLoss(model, test);
            }
        }
        int best = 0;
        for (int g = 0; g < grid.size(); g++) {
            gridAccuracy[g] /= split.size();
            gridLogLoss[g] /= split.size();
            double gain = gridAccuracy[g] - gridAccuracy[best];
            if (gain > TIE || Math.abs(gain) <= TIE && gridLogLoss[g] < gridLogLoss[best]) {
                best = g;
            }
        }
        ReadoutModel model = options.kind().train(data.rows(), data.labels(), data.classes(), grid.get(best),
                options.seed());
        return new ReadoutFit(model, options.kind(), grid.get(best), grid, gridAccuracy, gridLogLoss, foldAccuracy[best],
                gridAccuracy[best], split.size() + " folds by " + options.cv().by().label());
    }

    /** The share of rows whose predicted class is their label. */
    public static double accuracy(ReadoutModel model, LabelledRows rows) {
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (model.predict(rows.rows()[i]) == rows.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / rows.size();
    }

    /** Mean −ln p(true class) over the rows. */
    public static double logLoss(ReadoutModel model, LabelledRows rows) {
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum -= Math.log(Math.max(model.probabilities(rows.rows()[i])[rows.labels()[i]], Double.MIN_NORMAL));
        }
        return sum / rows.size();
    }
}
