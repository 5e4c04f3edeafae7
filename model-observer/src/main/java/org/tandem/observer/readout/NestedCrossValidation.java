package org.tandem.observer.readout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Held-out answers of a readout whose hyperparameters are chosen inside each training fold (nested cross-validation):
 * the outer folds keep groups whole as the options say, and within each outer training fold {@link ReadoutTrainer}
 * chooses C by its own cross-validation and refits. No held-out answer influenced the choice of C that made it, so the
 * accuracy is not flattered by the search (as {@link ReadoutFit#cvAccuracy()} slightly is). With a one-point grid there
 * is nothing to choose and each outer fold is fitted directly.
 */
public final class NestedCrossValidation {

    /**
     * @param correct   whether each row's held-out answer was right, in row order
     * @param chosen    the hyperparameters chosen in each outer fold
     * @param folds     how the outer folds were made, e.g. {@code 6 folds by identity}
     */
    public record Result(boolean[] correct, List<Hyperparameters> chosen, String folds) {
        public Result {
            chosen = List.copyOf(chosen);
        }

        /** The chosen C of each fold, e.g. {@code 0.1, 1, 1}. */
        public String chosenC() {
            return String.join(", ", chosen.stream().map(h -> String.format(Locale.ROOT, "%s", h.c())).toList());
        }
    }

    private NestedCrossValidation() {
    }

    public static Result run(LabelledRows data, ReadoutOptions options) {
        int groups = (int) data.groups().stream().distinct().count();
        int folds = options.cv().folds() == 0 ? GroupKFold.defaultFolds(groups) : options.cv().folds();
        String unit = options.cv().by() == CrossValidation.Grouping.IDENTITY ? "identities" : "images";
        List<GroupKFold.Fold> split = GroupKFold.split(data.groups(), folds, options.seed(), unit);
        boolean[] correct = new boolean[data.size()];
        List<Hyperparameters> chosen = new ArrayList<>();
        for (GroupKFold.Fold fold : split) {
            LabelledRows train = data.subset(fold.train());
            ReadoutModel model;
            if (options.grid().length == 1 && options.kind() != ClassifierKind.RBF_SVM) {
                Hyperparameters only = Hyperparameters.linear(options.grid()[0]);
                model = options.kind().train(train.rows(), train.labels(), data.classes(), only, options.seed());
                chosen.add(only);
            } else {
                ReadoutFit fit = ReadoutTrainer.train(train, options);
                model = fit.model();
                chosen.add(fit.chosen());
            }
            for (int row : fold.test()) {
                correct[row] = model.predict(data.rows()[row]) == data.labels()[row];
            }
        }
        return new Result(correct, chosen, split.size() + " folds by " + options.cv().by().label());
    }
}
