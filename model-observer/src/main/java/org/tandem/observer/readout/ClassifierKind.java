package org.tandem.observer.readout;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/** The linear readouts on offer: multinomial logistic regression, and a one-vs-rest linear SVM. */
public enum ClassifierKind {
    LOGISTIC, SVM;

    /** The name used in observer specs: {@code logistic} or {@code svm}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClassifierKind parse(String name) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(name)).findFirst()
                .orElseThrow(() -> new TandemException("readout '" + name + "' is not known; use "
                        + Arrays.stream(values()).map(ClassifierKind::label).collect(Collectors.joining(" or "))));
    }

    /**
     * Fits this classifier at loss weight C on the rows (standardised on themselves); the seed fixes the SVM's visiting
     * order (logistic regression has a unique optimum and ignores it).
     */
    public LinearModel train(float[][] rows, int[] labels, int classes, double c, long seed) {
        return fitter(seed).train(rows, labels, classes, c);
    }

    /** The fitter; the seed fixes the SVM's visiting order (logistic regression has a unique optimum and needs none). */
    LinearFitter fitter(long seed) {
        return switch (this) {
            case LOGISTIC -> SoftmaxRegression.defaults();
            case SVM -> LinearSvm.seeded(seed);
        };
    }
}
