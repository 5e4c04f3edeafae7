package org.tandem.observer.readout;

import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.decision.TaskProbabilities;

/**
 * A fitted readout: one decision value per class for a feature row. Probabilities are the softmax of the decision values:
 * for logistic regression its own class probabilities; for the one-vs-rest SVMs (linear and RBF) a monotone map of the
 * margins (no Platt calibration), so their argmax is the SVM's answer and their spread grows with the margin.
 */
public interface ReadoutModel {

    int classes();

    double[] decisionValues(float[] row);

    default double[] probabilities(float[] row) {
        return TaskProbabilities.softmax(decisionValues(row), 1.0);
    }

    /** The class with the largest decision value; the first on a tie. */
    default int predict(float[] row) {
        return new DecisionRule.Argmax().choose(decisionValues(row), 0);
    }
}
