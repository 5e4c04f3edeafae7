package org.tandem.observer.readout;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Principal component analysis of a fold's training rows through their Gram matrix, for layers far wider than they are
 * tall (624 images × 100,000 units): with X the n × d training rows centred on their own means, the eigenvectors uⱼ of the
 * n × n matrix X Xᵀ (eigenvalues λⱼ) give the principal axes vⱼ = Xᵀ uⱼ / √λⱼ, so a row x projects to
 * (x − μ) · vⱼ = Σₐ uⱼₐ (x − μ) · (xₐ − μ) / √λⱼ, and a training row a to √λⱼ uⱼₐ. Only dot products between rows are
 * needed, and those come from one Gram matrix of all rows ({@link #gram}), computed once and centred for each fold here;
 * the axes themselves (d numbers each) are never formed. Component j's variance over the training rows is λⱼ / (n − 1).
 *
 * <p>At most min(k, n − 1, d) components are kept (the centred training rows have rank at most n − 1), and none whose
 * eigenvalue is below {@value #RELATIVE_TOLERANCE} of the largest (numerically zero: no direction to project on).
 *
 * @param gram        the Gram matrix of all rows
 * @param train       the training rows' indices into it
 * @param rowMean     each row's mean dot product with the training rows
 * @param grandMean   the mean dot product between training rows (μ · μ in the Gram matrix's frame)
 * @param eigenvalues the kept eigenvalues of the centred training Gram matrix, largest first
 * @param vectors     their eigenvectors, {@code vectors[j][a]} for training row a
 */
record GramPca(double[][] gram, int[] train, double[] rowMean, double grandMean, double[] eigenvalues,
               double[][] vectors) {
    /** An eigenvalue this small relative to the largest is zero. */
    static final double RELATIVE_TOLERANCE = 1e-12;
    /** Units read per block while the Gram matrix is accumulated. */
    private static final int BLOCK = 256;

    /**
     * The Gram matrix of the rows over the given units: G[i][j] = (xᵢ − m) · (xⱼ − m), m each unit's mean over all rows.
     * Centring on m changes no fold's PCA (each fold centres again on its own training rows) but keeps the dot products
     * small, so that centring them again loses no precision. Read from the float rows a block of units at a time, in
     * parallel over rows; nothing of the rows' full width is copied.
     */
    static double[][] gram(float[][] rows, int[] units) {
        int n = rows.length;
        double[] mean = new double[units.length];
        for (float[] row : rows) {
            for (int j = 0; j < units.length; j++) {
                mean[j] += row[units[j]];
            }
        }
        for (int j = 0; j < units.length; j++) {
            mean[j] /= n;
        }
        double[][] gram = new double[n][n];
        double[][] block = new double[BLOCK][n];
        for (int start = 0; start < units.length; start += BLOCK) {
            int width = Math.min(BLOCK, units.length - start);
            for (int i = 0; i < n; i++) {
                float[] row = rows[i];
                for (int j = 0; j < width; j++) {
                    block[j][i] = row[units[start + j]] - mean[start + j];
                }
            }
            // row i of the lower triangle gains Σ_j block[j][i] · block[j][0..i]
            IntStream.range(0, n).parallel().forEach(i -> {
                double[] g = gram[i];
                for (int j = 0; j < width; j++) {
                    double a = block[j][i];
                    if (a != 0) {
                        double[] column = block[j];
                        for (int l = 0; l <= i; l++) {
                            g[l] += a * column[l];
                        }
                    }
                }
            });
        }
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < i; l++) {
                gram[l][i] = gram[i][l];
            }
        }
        return gram;
    }

    /**
     * The PCA of the training rows.
     *
     * @param gram       the Gram matrix of all rows ({@link #gram})
     * @param train      the training rows' indices
     * @param components k, the most components to keep
     * @param units      d, the number of units the Gram matrix was summed over
     */
    static GramPca fit(double[][] gram, int[] train, int components, int units) {
        int n = train.length;
        double[] rowMean = new double[gram.length];
        for (int i = 0; i < gram.length; i++) {
            double sum = 0;
            for (int a : train) {
                sum += gram[i][a];
            }
            rowMean[i] = sum / n;
        }
        double grandMean = 0;
        for (int a : train) {
            grandMean += rowMean[a];
        }
        grandMean /= n;
        double[][] centred = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                centred[a][b] = gram[train[a]][train[b]] - rowMean[train[a]] - rowMean[train[b]] + grandMean;
                centred[b][a] = centred[a][b];
            }
        }
        int most = Math.max(0, Math.min(components, Math.min(n - 1, units)));
        double[] eigenvalues = new double[0];
        double[][] vectors = new double[0][];
        if (most > 0) {
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(centred, false));
            double[] all = eigen.getRealEigenvalues();
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(j -> -all[j]));
            double floor = RELATIVE_TOLERANCE * all[order[0]];
            int kept = 0;
            while (kept < most && all[order[kept]] > floor && all[order[kept]] > 0) {
                kept++;
            }
            eigenvalues = new double[kept];
            vectors = new double[kept][];
            for (int j = 0; j < kept; j++) {
                eigenvalues[j] = all[order[j]];
                vectors[j] = eigen.getEigenvector(order[j]).toArray();
            }
        }
        return new GramPca(gram, train.clone(), rowMean, grandMean, eigenvalues, vectors);
    }

    /** The number of components kept. */
    int components() {
        return eigenvalues.length;
    }

    /** Each component's variance over the training rows (n − 1 form), largest first. */
    double[] variances() {
        double[] variances = new double[eigenvalues.length];
        for (int j = 0; j < variances.length; j++) {
            variances[j] = eigenvalues[j] / (train.length - 1);
        }
        return variances;
    }

    /** The training rows' scores, √λⱼ uⱼₐ, in the order the training rows were given. */
    double[][] trainingScores() {
        double[][] scores = new double[train.length][eigenvalues.length];
        for (int j = 0; j < eigenvalues.length; j++) {
            double root = Math.sqrt(eigenvalues[j]);
            for (int a = 0; a < train.length; a++) {
                scores[a][j] = root * vectors[j][a];
            }
        }
        return scores;
    }

    /** The scores of any rows of the Gram matrix (held-out rows, typically), one row each in the given order. */
    double[][] scores(int[] rows) {
        double[][] scores = new double[rows.length][eigenvalues.length];
        double[] centred = new double[train.length];
        for (int r = 0; r < rows.length; r++) {
            double[] g = gram[rows[r]];
            double own = rowMean[rows[r]];
            for (int a = 0; a < train.length; a++) {
                centred[a] = g[train[a]] - own - rowMean[train[a]] + grandMean;
            }
            for (int j = 0; j < eigenvalues.length; j++) {
                scores[r][j] = LinearAlgebra.dot(vectors[j], centred) / Math.sqrt(eigenvalues[j]);
            }
        }
        return scores;
    }
}
