package org.tandem.observer.readout;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * A training fold for the RBF-kernel SVM (Wang et al.'s readout): one-vs-rest C-SVMs fitted by LIBSVM (Chang and Lin),
 * each minimising ½‖w‖² + C·Σ hinge in the feature space of the Gaussian kernel K(z, z′) = exp(−γ‖z − z′‖²) on the
 * standardised features. The squared distances are computed once per fold and LIBSVM is given the kernel matrix
 * (its precomputed-kernel mode), so a grid over γ costs one pass over the features, and a layer of 100,000 features
 * needs no sparse copy of every row. LIBSVM's solver has no random choices: the fit depends only on the rows and their
 * order. One-vs-rest (rather than LIBSVM's one-vs-one) gives one decision value per class, as the linear SVM does.
 */
final class RbfSvmFold implements TrainingFold {
    /** γ = scale / features: 1 / features is scikit-learn's {@code gamma='scale'} on standardised features. */
    static final double[] GAMMA_SCALES = {0.1, 1, 10};

    static {
        // LIBSVM prints its optimiser's progress to standard output unless told otherwise
        svm.svm_set_print_string_function(text -> {
        });
    }

    private final Standardisation standardisation;
    private final double[][] z;
    private final double[][] squaredDistances;
    private final int[] labels;
    private final int classes;

    RbfSvmFold(float[][] rows, int[] labels, int classes) {
        this.standardisation = Standardisation.fit(rows);
        this.z = standardisation.withBias(rows);
        this.labels = labels;
        this.classes = classes;
        int n = z.length;
        squaredDistances = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                squaredDistances[i][j] = squaredDistance(z[i], z[j]);
                squaredDistances[j][i] = squaredDistances[i][j];
            }
        }
    }

    /** ‖a − b‖²; the bias input appended to both rows cancels. */
    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum;
    }

    @Override
    public RbfSvmModel fit(Hyperparameters hyperparameters) {
        int n = z.length;
        double gamma = hyperparameters.gamma();
        svm_node[][] kernelRows = new svm_node[n][];
        for (int i = 0; i < n; i++) {
            double[] k = new double[n];
            for (int j = 0; j < n; j++) {
                k[j] = Math.exp(-gamma * squaredDistances[i][j]);
            }
            kernelRows[i] = nodes(i + 1, k);
        }
        svm_model[] models = new svm_model[classes];
        double[] constant = new double[classes];
        for (int c = 0; c < classes; c++) {
            double[] y = new double[n];
            int positives = 0;
            for (int i = 0; i < n; i++) {
                y[i] = labels[i] == c ? 1 : -1;
                positives += labels[i] == c ? 1 : 0;
            }
            if (positives == 0 || positives == n) {
                // a fold without (or with only) this class: no machine to fit, the class is always out (or in)
                constant[c] = positives == 0 ? -1 : 1;
                continue;
            }
            svm_problem problem = new svm_problem();
            problem.l = n;
            problem.y = y;
            problem.x = kernelRows;
            models[c] = svm.svm_train(problem, parameters(hyperparameters.c()));
        }
        return new RbfSvmModel(standardisation, z, gamma, models, constant);
    }

    /**
     * One row in LIBSVM's precomputed-kernel form: node 0 holds the row's serial number (1-based, or any value for a
     * row to predict), node j the kernel value against training row j.
     */
    static svm_node[] nodes(double serial, double[] kernel) {
        svm_node[] x = new svm_node[kernel.length + 1];
        x[0] = node(0, serial);
        for (int j = 0; j < kernel.length; j++) {
            x[j + 1] = node(j + 1, kernel[j]);
        }
        return x;
    }

    private static svm_node node(int index, double value) {
        svm_node node = new svm_node();
        node.index = index;
        node.value = value;
        return node;
    }

    /** C-SVC on a precomputed kernel with LIBSVM's default tolerance, shrinking on, no probability model. */
    private static svm_parameter parameters(double c) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.PRECOMPUTED;
        p.C = c;
        p.eps = 1e-3;
        p.cache_size = 100;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return p;
    }
}
