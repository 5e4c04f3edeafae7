package org.tandem.observer.readout;

import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.decision.TaskProbabilities;

/**
 * A fitted linear readout: decision value of class k is {@code weights[k] · z}, where z is the standardised feature row
 * with the bias input 1 appended. Probabilities are the softmax of the decision values: for logistic regression these are
 * its own class probabilities; for the one-vs-rest SVM they are a monotone map of the margins (no Platt calibration), so
 * their argmax is the SVM's answer and their spread grows with the margin.
 */
public record LinearModel(Standardisation standardisation, double[][] weights) {

    public int classes() {
        return weights.length;
    }

    public double[] decisionValues(float[] row) {
        double[] z = standardisation.withBias(row);
        double[] values = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            values[k] = LinearAlgebra.dot(weights[k], z);
        }
        return values;
    }

    public double[] probabilities(float[] row) {
        return TaskProbabilities.softmax(decisionValues(row), 1.0);
    }

    /** The class with the largest decision value; the first on a tie. */
    public int predict(float[] row) {
        return new DecisionRule.Argmax().choose(decisionValues(row), 0);
    }
}
