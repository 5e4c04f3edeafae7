package org.tandem.observer.readout;

/**
 * Multinomial logistic regression: minimise ½‖W‖² + C·Σᵢ [log Σₖ exp(wₖ·zᵢ) − w_{yᵢ}·zᵢ] by L-BFGS, until the largest
 * gradient component is {@code gradientTolerance} of its size at W = 0 (the loss grows with C and the number of rows, so
 * an absolute threshold would be loose for some fits and unreachable for others). The objective is strictly convex, so
 * the minimum is unique and does not depend on the starting point: a fit may start from the optimum at a neighbouring C
 * (warm start), which saves most of the iterations along a grid of C.
 */
record SoftmaxRegression(double gradientTolerance, int maxIterations) implements LinearFitter {

    static SoftmaxRegression defaults() {
        return new SoftmaxRegression(1e-6, 2000);
    }

    @Override
    public double[][] fit(double[][] z, int[] labels, int classes, double c) {
        return fit(z, labels, classes, c, null);
    }

    @Override
    public double[][] fit(double[][] z, int[] labels, int classes, double c, double[][] start) {
        int d = z[0].length;
        double[] zero = new double[classes * d];
        double[] gradientAtZero = new double[zero.length];
        objective(z, labels, classes, c, zero, gradientAtZero);
        double scale = Math.max(1, LinearAlgebra.maxAbs(gradientAtZero));
        double[] from = zero;
        if (start != null) {
            from = new double[classes * d];
            for (int k = 0; k < classes; k++) {
                System.arraycopy(start[k], 0, from, k * d, d);
            }
        }
        Lbfgs.Result result = new Lbfgs(gradientTolerance * scale, maxIterations)
                .minimise((w, gradient) -> objective(z, labels, classes, c, w, gradient), from);
        double[][] weights = new double[classes][d];
        for (int k = 0; k < classes; k++) {
            System.arraycopy(result.x(), k * d, weights[k], 0, d);
        }
        return weights;
    }

    /** The objective at flat weights w (class-major), with its gradient. */
    static double objective(double[][] z, int[] labels, int classes, double c, double[] w, double[] gradient) {
        int d = z[0].length;
        double value = 0;
        for (int i = 0; i < w.length; i++) {
            value += 0.5 * w[i] * w[i];
            gradient[i] = w[i];
        }
        double[] scores = new double[classes];
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += w[k * d + j] * z[i][j];
                }
                scores[k] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(scores[k] - max);
            }
            double logSumExp = max + Math.log(sum);
            value += c * (logSumExp - scores[labels[i]]);
            for (int k = 0; k < classes; k++) {
                double residual = Math.exp(scores[k] - logSumExp) - (k == labels[i] ? 1 : 0);
                if (residual != 0) {
                    for (int j = 0; j < d; j++) {
                        gradient[k * d + j] += c * residual * z[i][j];
                    }
                }
            }
        }
        return value;
    }
}
