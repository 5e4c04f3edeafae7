package org.tandem.observer.readout;

import libsvm.svm;
import libsvm.svm_model;

/**
 * A fitted RBF-kernel SVM readout: per class, the LIBSVM machine separating it from the rest, whose decision value is
 * Σᵢ αᵢyᵢ K(z, zᵢ) − ρ over its support vectors, signed so that positive means the class. A class the training rows
 * lacked (or were all of) has a constant value of −1 (+1).
 *
 * @param standardisation the training rows' standardisation
 * @param training        the standardised training rows, which the precomputed kernel refers to by serial number
 * @param gamma           the kernel width γ
 * @param machines        each class's machine, or null where {@code constant} holds its value
 * @param constant        the decision value of classes without a machine
 */
public record RbfSvmModel(Standardisation standardisation, double[][] training, double gamma, svm_model[] machines,
                          double[] constant) implements ReadoutModel {

    @Override
    public int classes() {
        return machines.length;
    }

    @Override
    public double[] decisionValues(float[] row) {
        double[] z = standardisation.withBias(row);
        double[] kernel = new double[training.length];
        for (int j = 0; j < training.length; j++) {
            kernel[j] = Math.exp(-gamma * RbfSvmFold.squaredDistance(z, training[j]));
        }
        var x = RbfSvmFold.nodes(0, kernel);
        double[] values = new double[machines.length];
        double[] decision = new double[1];
        for (int c = 0; c < machines.length; c++) {
            if (machines[c] == null) {
                values[c] = constant[c];
                continue;
            }
            svm.svm_predict_values(machines[c], x, decision);
            // LIBSVM's value is positive for the label it met first in the training rows
            values[c] = machines[c].label[0] == 1 ? decision[0] : -decision[0];
        }
        return values;
    }
}
