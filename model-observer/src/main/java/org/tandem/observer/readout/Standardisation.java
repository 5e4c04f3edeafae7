package org.tandem.observer.readout;

/**
 * Feature standardisation learnt on a training fold: each feature minus its training mean, divided by its training standard
 * deviation (population form). Features constant on the fold keep scale 1, so they become 0 rather than NaN. The readout
 * appends a constant 1 after the standardised features, the bias input, which is regularised like every weight (as in
 * LIBLINEAR).
 */
public record Standardisation(double[] mean, double[] scale) {

    public static Standardisation fit(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot standardise zero rows");
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[] scale = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                double centred = row[j] - mean[j];
                scale[j] += centred * centred;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            scale[j] = sd > 1e-12 ? sd : 1;
        }
        return new Standardisation(mean, scale);
    }

    public int features() {
        return mean.length;
    }

    /** The standardised row with the bias input 1 appended: length {@code features() + 1}. */
    public double[] withBias(float[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("a row of " + row.length + " features for a readout trained on " + mean.length);
        }
        double[] z = new double[mean.length + 1];
        for (int j = 0; j < mean.length; j++) {
            z[j] = (row[j] - mean[j]) / scale[j];
        }
        z[mean.length] = 1;
        return z;
    }

    double[][] withBias(float[][] rows) {
        double[][] z = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            z[i] = withBias(rows[i]);
        }
        return z;
    }
}
