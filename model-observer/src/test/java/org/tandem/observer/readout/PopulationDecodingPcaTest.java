package org.tandem.observer.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** The population decoding's PCA, computed through the Gram matrix, against a direct SVD of the centred rows. */
class PopulationDecodingPcaTest {

    /** The Gram route gives the PCA an SVD of the centred training rows gives, for tall and for wide rows. */
    @Test
    void componentsAndProjectionsMatchASingularValueDecomposition() {
        Random random = new Random(5);
        for (int units : new int[] {6, 40}) {
            float[][] rows = new float[9][units];
            for (float[] row : rows) {
                for (int u = 0; u < units; u++) {
                    row[u] = (float) (random.nextGaussian() * (1 + u % 3) + 10);
                }
            }
            int[] train = {0, 1, 2, 3, 4, 5, 6, 7};
            GramPca pca = GramPca.fit(GramPca.gram(rows, IntStream.range(0, units).toArray()), train, 100, units);
            int expected = Math.min(train.length - 1, units);
            assertThat(pca.components()).isEqualTo(expected);

            double[] mean = new double[units];
            for (int a : train) {
                for (int u = 0; u < units; u++) {
                    mean[u] += rows[a][u] / (double) train.length;
                }
            }
            double[][] centred = new double[train.length][units];
            for (int a = 0; a < train.length; a++) {
                for (int u = 0; u < units; u++) {
                    centred[a][u] = rows[train[a]][u] - mean[u];
                }
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(centred));
            double[] singular = svd.getSingularValues();
            RealMatrix v = svd.getV();
            double[][] trainScores = pca.trainingScores();
            double[] heldOut = pca.scores(new int[] {8})[0];
            for (int j = 0; j < expected; j++) {
                assertThat(pca.variances()[j]).as("variance of component %d, %d units", j, units)
                        .isCloseTo(singular[j] * singular[j] / (train.length - 1), within(1e-9));
                // the sign of a component is arbitrary: match it on the training scores (U S), then compare
                double[] svdScores = new double[train.length];
                double agreement = 0;
                for (int a = 0; a < train.length; a++) {
                    svdScores[a] = LinearAlgebra.dot(centred[a], v.getColumn(j));
                    agreement += svdScores[a] * trainScores[a][j];
                }
                double sign = Math.signum(agreement);
                for (int a = 0; a < train.length; a++) {
                    assertThat(sign * trainScores[a][j]).isCloseTo(svdScores[a], within(1e-9));
                }
                double direct = 0;
                for (int u = 0; u < units; u++) {
                    direct += (rows[8][u] - mean[u]) * v.getEntry(u, j);
                }
                assertThat(sign * heldOut[j]).as("held-out score on component %d, %d units", j, units)
                        .isCloseTo(direct, within(1e-9));
            }
        }
    }
}
