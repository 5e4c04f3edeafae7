package org.tandem.analysis.units;

/**
 * Each unit's tuning to the expressions, as Zhou et al. define it: the unit's responses are normalised across all images
 * (z = (r − mean) / SD, SD with n − 1), and its tuning value for expression k is the mean z over the images of k, i.e.
 * (mean response to k − mean response to all) / SD. The preferred expression is the one with the largest tuning value.
 * A constant unit has no tuning (NaN) and no preference (−1).
 */
public final class UnitTuning {

    /**
     * @param values    tuning value per unit and expression, {@code values[unit][expression]}
     * @param preferred each unit's preferred expression, −1 for a constant unit
     */
    public record Result(double[][] values, int[] preferred) {
    }

    private UnitTuning() {
    }

    /**
     * @param rows       one row per image, each holding every unit's value
     * @param expression each image's expression, 0 … expressions − 1
     */
    public static Result of(float[][] rows, int[] expression, int expressions) {
        int units = rows[0].length;
        int n = rows.length;
        double[] mean = new double[units];
        double[][] sumByExpression = new double[expressions][units];
        int[] count = new int[expressions];
        for (int k = 0; k < n; k++) {
            count[expression[k]]++;
            double[] byExpression = sumByExpression[expression[k]];
            for (int u = 0; u < units; u++) {
                mean[u] += rows[k][u];
                byExpression[u] += rows[k][u];
            }
        }
        for (int u = 0; u < units; u++) {
            mean[u] /= n;
        }
        double[] squares = new double[units];
        for (float[] row : rows) {
            for (int u = 0; u < units; u++) {
                double d = row[u] - mean[u];
                squares[u] += d * d;
            }
        }
        double[][] values = new double[units][expressions];
        int[] preferred = new int[units];
        for (int u = 0; u < units; u++) {
            double sd = Math.sqrt(squares[u] / (n - 1));
            preferred[u] = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int e = 0; e < expressions; e++) {
                values[u][e] = sd == 0 ? Double.NaN : (sumByExpression[e][u] / count[e] - mean[u]) / sd;
                if (sd != 0 && values[u][e] > best) {
                    best = values[u][e];
                    preferred[u] = e;
                }
            }
        }
        return new Result(values, preferred);
    }
}
