package org.tandem.observer.readout;

import org.tandem.protocols.plan.SplitMix64;

/**
 * One-vs-rest linear SVM with the hinge loss: for each class k, minimise ½‖wₖ‖² + C·Σᵢ max(0, 1 − yᵢ wₖ·zᵢ) with yᵢ = +1
 * for rows of class k and −1 otherwise, by dual coordinate descent (Hsieh et al. 2008, the L1-loss solver of LIBLINEAR,
 * without shrinking). Each pass visits the rows in an order drawn from the seed's sub-stream for (class, pass), so the fit
 * is the same on every run. It stops when the projected gradient's spread falls to {@code tolerance}.
 */
record LinearSvm(long seed, double tolerance, int maxPasses) implements LinearFitter {

    static LinearSvm seeded(long seed) {
        return new LinearSvm(seed, 1e-4, 5000);
    }

    @Override
    public double[][] fit(double[][] z, int[] labels, int classes, double c) {
        double[][] weights = new double[classes][];
        for (int k = 0; k < classes; k++) {
            weights[k] = oneVersusRest(z, labels, k, c);
        }
        return weights;
    }

    private double[] oneVersusRest(double[][] z, int[] labels, int positive, double c) {
        int n = z.length;
        double[] w = new double[z[0].length];
        double[] alpha = new double[n];
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = LinearAlgebra.dot(z[i], z[i]);
        }
        for (int pass = 0; pass < maxPasses; pass++) {
            int[] order = SeededOrder.permutation(n, SplitMix64.stream(seed, (long) positive * maxPasses + pass));
            double maxProjected = Double.NEGATIVE_INFINITY;
            double minProjected = Double.POSITIVE_INFINITY;
            for (int i : order) {
                double y = labels[i] == positive ? 1 : -1;
                double gradient = y * LinearAlgebra.dot(w, z[i]) - 1;
                double projected = gradient;
                if (alpha[i] == 0) {
                    projected = Math.min(gradient, 0);
                } else if (alpha[i] == c) {
                    projected = Math.max(gradient, 0);
                }
                maxProjected = Math.max(maxProjected, projected);
                minProjected = Math.min(minProjected, projected);
                if (projected != 0) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(old - gradient / diagonal[i], 0), c);
                    LinearAlgebra.axpy((alpha[i] - old) * y, z[i], w);
                }
            }
            if (maxProjected - minProjected <= tolerance) {
                break;
            }
        }
        return w;
    }
}
