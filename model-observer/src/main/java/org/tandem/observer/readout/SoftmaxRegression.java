package org.tandem.observer.readout;

/**
 * Multinomial logistic regression: minimise ½‖W‖² + C·Σᵢ [log Σₖ exp(wₖ·zᵢ) − w_{yᵢ}·zᵢ] by L-BFGS. The objective is
 * strictly convex, so the minimum is unique and the fit does not depend on the starting point (zero).
 */
record SoftmaxRegression(double gradientTolerance, int maxIterations) implements LinearFitter {

    static SoftmaxRegression defaults() {
        return new SoftmaxRegression(1e-6, 2000);
    }

    @Override
    public double[][] fit(double[][] z, int[] labels, int classes, double c) {
        int d = z[0].length;
        Lbfgs.Result result = new Lbfgs(gradientTolerance, maxIterations)
                .minimise((w, gradient) -> objective(z, labels, classes, c, w, gradient), new double[classes * d]);
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
