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

    static ShapeFit undefined(Shape shape, String reason) {
        return new ShapeFit(shape, List.of(), null, reason);
    }
}
