package org.tandem.analysis.units;

import org.apache.commons.math3.special.Beta;

/**
 * Zhou et al.'s test for every unit of a layer: a two-way ANOVA without replication (identity × expression, one image
 * per cell), y = μ + αᵢ + βⱼ + ε. With a identities and b expressions,
 * SS_identity = b Σᵢ (ȳᵢ. − ȳ..)², SS_expression = a Σⱼ (ȳ.ⱼ − ȳ..)², SS_error = SS_total − SS_identity − SS_expression,
 * on (a − 1), (b − 1) and (a − 1)(b − 1) degrees of freedom; each F against the error mean square. p-values are the F
 * distribution's upper tail, computed as a regularised incomplete beta so that tiny p keep their precision.
 *
 * <p>The images arrive as rows (one per image, every unit's value), the way a network gives them, and are read in two
 * passes (means, then squared deviations), so a 100,000-unit layer needs no copy per unit. A unit whose value is the same
 * for every image has no F (NaN) and p = NaN: it is neither selective nor not, and counted as constant.
 */
public final class UnitAnova {

    /**
     * The test of every unit.
     *
     * @param fIdentity   F of the identity effect per unit (NaN for a constant unit)
     * @param pIdentity   its p-value
     * @param fExpression F of the expression effect per unit
     * @param pExpression its p-value
     */
    public record Result(int identities, int expressions, double[] fIdentity, double[] pIdentity,
                         double[] fExpression, double[] pExpression) {
        public int units() {
            return fIdentity.length;
        }

        public boolean constant(int unit) {
            return Double.isNaN(fIdentity[unit]) && Double.isNaN(fExpression[unit]);
        }
    }

    private UnitAnova() {
    }

    /**
     * @param rows        one row per image, each holding every unit's value
     * @param identity    each image's identity, 0 … identities − 1
     * @param expression  each image's expression, 0 … expressions − 1
     * @throws IllegalArgumentException unless every identity × expression cell holds exactly one image
     */
    public static Result of(float[][] rows, int[] identity, int[] expression, int identities, int expressions) {
        checkDesign(rows, identity, expression, identities, expressions);
        int units = rows[0].length;
        int n = rows.length;
        double[][] identitySums = new double[identities][units];
        double[][] expressionSums = new double[expressions][units];
        double[] sums = new double[units];
        for (int k = 0; k < n; k++) {
            float[] row = rows[k];
            double[] byIdentity = identitySums[identity[k]];
            double[] byExpression = expressionSums[expression[k]];
            for (int u = 0; u < units; u++) {
                byIdentity[u] += row[u];
                byExpression[u] += row[u];
                sums[u] += row[u];
            }
        }
        double[] grand = new double[units];
        for (int u = 0; u < units; u++) {
            grand[u] = sums[u] / n;
        }
        double[] ssIdentity = new double[units];
        for (double[] s : identitySums) {
            for (int u = 0; u < units; u++) {
                double d = s[u] / expressions - grand[u];
                ssIdentity[u] += expressions * d * d;
            }
        }
        double[] ssExpression = new double[units];
        for (double[] s : expressionSums) {
            for (int u = 0; u < units; u++) {
                double d = s[u] / identities - grand[u];
                ssExpression[u] += identities * d * d;
            }
        }
        // the residual straight from its definition, not as a difference, so it keeps its precision when it is small
        double[] ssError = new double[units];
        for (int k = 0; k < n; k++) {
            float[] row = rows[k];
            double[] byIdentity = identitySums[identity[k]];
            double[] byExpression = expressionSums[expression[k]];
            for (int u = 0; u < units; u++) {
                double e = row[u] - byIdentity[u] / expressions - byExpression[u] / identities + grand[u];
                ssError[u] += e * e;
            }
        }
        int dfIdentity = identities - 1;
        int dfExpression = expressions - 1;
        int dfError = dfIdentity * dfExpression;
        double[] fI = new double[units];
        double[] pI = new double[units];
        double[] fE = new double[units];
        double[] pE = new double[units];
        for (int u = 0; u < units; u++) {
            double meanError = ssError[u] / dfError;
            fI[u] = f(ssIdentity[u] / dfIdentity, meanError);
            fE[u] = f(ssExpression[u] / dfExpression, meanError);
            pI[u] = upperTail(fI[u], dfIdentity, dfError);
            pE[u] = upperTail(fE[u], dfExpression, dfError);
        }
        return new Result(identities, expressions, fI, pI, fE, pE);
    }

    /** The F ratio; NaN when both mean squares are zero (a constant unit), infinite when only the error's is. */
    static double f(double meanEffect, double meanError) {
        if (meanError == 0) {
            return meanEffect == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return meanEffect / meanError;
    }

    /** P(F(d1, d2) ≥ f) = I_{d2 / (d2 + d1 f)}(d2 / 2, d1 / 2). */
    static double upperTail(double f, int d1, int d2) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (Double.isInfinite(f)) {
            return 0;
        }
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2.0, d1 / 2.0, 1e-15, 10_000);
    }

    private static void checkDesign(float[][] rows, int[] identity, int[] expression, int identities, int expressions) {
        if (identities < 2 || expressions < 2) {
            throw new IllegalArgumentException("the design needs at least 2 identities and 2 expressions, got "
                    + identities + " × " + expressions);
        }
        if (rows.length != identities * expressions || identity.length != rows.length
                || expression.length != rows.length) {
            throw new IllegalArgumentException(rows.length + " images for " + identities + " identities × " + expressions
                    + " expressions: the test needs exactly one image per cell");
        }
        boolean[][] seen = new boolean[identities][expressions];
        for (int k = 0; k < rows.length; k++) {
            if (seen[identity[k]][expression[k]]) {
                throw new IllegalArgumentException("two images of identity " + identity[k] + " with expression "
                        + expression[k] + ": the test needs exactly one image per cell");
            }
            seen[identity[k]][expression[k]] = true;
        }
    }
}
