package org.tandem.observer.readout;

/**
 * A fitted linear readout: decision value of class k is {@code weights[k] · z}, where z is the standardised feature row
 * with the bias input 1 appended.
 */
public record LinearModel(Standardisation standardisation, double[][] weights) implements ReadoutModel {

    @Override
    public int classes() {
        return weights.length;
    }

    @Override
    public double[] decisionValues(float[] row) {
        double[] z = standardisation.withBias(row);
        double[] values = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            values[k] = LinearAlgebra.dot(weights[k], z);
        }
        return values;
    }
}
