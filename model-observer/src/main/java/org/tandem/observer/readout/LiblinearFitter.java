package org.tandem.observer.readout;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;
import org.tandem.protocols.TandemException;

/**
 * The linear readouts, fitted by LIBLINEAR (the Java port, de.bwaldvogel:liblinear): one-vs-rest L2-regularised logistic
 * regression by its trust-region Newton solver ({@code -s 0}) or the one-vs-rest L1-loss SVM by dual coordinate descent
 * ({@code -s 3}). The rows already carry the bias input 1 as their last feature, so the bias is regularised like every
 * weight, as LIBLINEAR does with {@code -B 1}. The SVM visits rows in an order drawn from {@link Random} seeded with the
 * readout's seed, so a fit is the same on every run and every machine.
 *
 * <p>A class missing from a training fold gets no machine; its decision value is then the constant {@link #ABSENT}, below
 * the margin every row of the other classes is pushed past, so it is never the answer.
 */
record LiblinearFitter(SolverType solver, double tolerance, long seed) implements LinearFitter {
    /** The decision value of a class the fold had no row of. */
    static final double ABSENT = -1;
    /** Bytes one stored feature value costs LIBLINEAR (a FeatureNode and its reference). */
    private static final long BYTES_PER_VALUE = 32;

    static {
        Linear.disableDebugOutput();
    }

    static LiblinearFitter logistic() {
        return new LiblinearFitter(SolverType.L2R_LR, 1e-4, 0);
    }

    static LiblinearFitter svm(long seed) {
        return new LiblinearFitter(SolverType.L2R_L1LOSS_SVC_DUAL, 1e-3, seed);
    }

    @Override
    public double[][] fit(double[][] z, int[] labels, int classes, double c) {
        int d = z[0].length;
        checkMemory(z.length, d);
        Problem problem = new Problem();
        problem.l = z.length;
        problem.n = d;
        problem.bias = -1; // the bias input is already the rows' last feature
        problem.x = new Feature[z.length][];
        problem.y = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            Feature[] row = new Feature[d];
            for (int j = 0; j < d; j++) {
                row[j] = new FeatureNode(j + 1, z[i][j]);
            }
            problem.x[i] = row;
            problem.y[i] = labels[i];
        }
        Parameter parameter = new Parameter(solver, c, tolerance);
        parameter.setRandom(new Random(seed));
        Model model = Linear.train(problem, parameter);
        double[][] weights = new double[classes][d];
        for (double[] w : weights) {
            w[d - 1] = ABSENT; // overwritten below for each class the fold has
        }
        int[] modelLabels = model.getLabels();
        if (modelLabels.length == 1) {
            // one class only: it is always the answer
            weights[modelLabels[0]][d - 1] = -ABSENT;
            return weights;
        }
        for (int m = 0; m < modelLabels.length; m++) {
            for (int j = 0; j < d; j++) {
                weights[modelLabels[m]][j] = model.getDecfunCoef(j + 1, m);
            }
        }
        return weights;
    }

    /** Refuses, in one line, a fold LIBLINEAR's row form would not fit in the heap (it stores a node per value). */
    private static void checkMemory(int rows, int features) {
        long needed = rows * (long) features * BYTES_PER_VALUE;
        long available = Runtime.getRuntime().maxMemory() / 2;
        if (needed > available) {
            throw new TandemException(String.format(java.util.Locale.ROOT,
                    "a linear readout of %d features on %d images needs about %d MB, more than half the heap (%d MB);"
                            + " read a smaller layer (e.g. a pooled one) or give Java more memory"
                            + " (TANDEM_JAVA_OPTS=-Xmx...)", features, rows, needed >> 20,
                    Runtime.getRuntime().maxMemory() >> 20));
        }
    }
}
