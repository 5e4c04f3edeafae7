package org.tandem.analysis.identification;

import java.util.List;

/**
 * One least-squares fit of an identification curve.
 *
 * @param parameters      the fitted parameters in the order {@link Shape} lists them; empty when undefined
 * @param rSquared        1 - SS_residual / SS_total over the proportions; null when undefined
 * @param undefinedReason null when the fit is defined
 */
public record ShapeFit(Shape shape, List<Double> parameters, Double rSquared, String undefinedReason) {
    public ShapeFit {
        parameters = List.copyOf(parameters);
    }

    /** The fitted curve at level x, for plotting; NaN when the fit is undefined. */
    public double valueAt(double x) {
        if (rSquared == null) {
            return Double.NaN;
        }
        double a = parameters.get(0);
        double b = parameters.get(1);
        return switch (shape) {
            case LINEAR -> a + b * x;
            case QUADRATIC -> a + b * x + parameters.get(2) * x * x;
            case LOGISTIC -> 1 / (1 + Math.exp(-b * (x - a)));
        };
    }

    static ShapeFit undefined(Shape shape, String reason) {
        return new ShapeFit(shape, List.of(), null, reason);
    }
}
