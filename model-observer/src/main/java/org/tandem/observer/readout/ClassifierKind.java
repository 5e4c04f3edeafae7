package org.tandem.observer.readout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/**
 * The readouts on offer: multinomial logistic regression (Tandem's own L-BFGS: no maintained Java library fits the
 * multinomial model exactly, and at Tandem's sizes it is faster than LIBLINEAR's one-vs-rest fit, see {@code tandem bench
 * readout}), one-vs-rest logistic regression and the one-vs-rest linear SVM fitted by LIBLINEAR, and a one-vs-rest SVM
 * with a Gaussian (RBF) kernel fitted by LIBSVM.
 */
public enum ClassifierKind {
    LOGISTIC("logistic"), LOGISTIC_OVR("logistic-ovr"), SVM("svm"), RBF_SVM("rbf-svm");

    /** The linear readouts, whose models are weights on the standardised features. */
    public static final List<ClassifierKind> LINEAR = List.of(LOGISTIC, LOGISTIC_OVR, SVM);

    private final String label;

    ClassifierKind(String label) {
        this.label = label;
    }

    /** The name used in observer specs: {@code logistic}, {@code logistic-ovr}, {@code svm} or {@code rbf-svm}. */
    public String label() {
        return label;
    }

    public static ClassifierKind parse(String name) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(name)).findFirst()
                .orElseThrow(() -> new TandemException("readout '" + name + "' is not known; use "
                        + Arrays.stream(values()).map(ClassifierKind::label).collect(Collectors.joining(", "))));
    }

    /**
     * The points cross-validation chooses from: each C of the grid, and for the RBF SVM each C with each kernel width
     * {@link RbfSvmFold#GAMMA_SCALES} / features.
     */
    public List<Hyperparameters> grid(double[] cGrid, int features) {
        List<Hyperparameters> grid = new ArrayList<>();
        for (double c : cGrid) {
            if (this == RBF_SVM) {
                for (double scale : RbfSvmFold.GAMMA_SCALES) {
                    grid.add(new Hyperparameters(c, scale / features));
                }
            } else {
                grid.add(Hyperparameters.linear(c));
            }
        }
        return grid;
    }

    /**
     * The rows of a training fold, standardised on themselves; the seed fixes the linear SVM's visiting order (logistic
     * regression has a unique optimum, LIBSVM's solver visits rows in a fixed order).
     */
    TrainingFold prepare(float[][] rows, int[] labels, int classes, long seed) {
        return switch (this) {
            case LOGISTIC -> new LinearFold(SoftmaxRegression.defaults(), rows, labels, classes);
            case LOGISTIC_OVR -> new LinearFold(LiblinearFitter.logistic(), rows, labels, classes);
            case SVM -> new LinearFold(LiblinearFitter.svm(seed), rows, labels, classes);
            case RBF_SVM -> new RbfSvmFold(rows, labels, classes);
        };
    }

    /** Fits this classifier at the given hyperparameters on the rows (standardised on themselves). */
    public ReadoutModel train(float[][] rows, int[] labels, int classes, Hyperparameters hyperparameters, long seed) {
        return prepare(rows, labels, classes, seed).fit(hyperparameters);
    }
}
