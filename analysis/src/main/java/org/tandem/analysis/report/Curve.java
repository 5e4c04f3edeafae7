package org.tandem.analysis.report;

import org.tandem.analysis.psychometric.FittedCurve;

/** A fitted curve sampled for plotting: ψ at each x with its pointwise 95 % bootstrap band. */
public record Curve(double[] x, double[] psi, double[] lower, double[] upper) {
    static Curve of(FittedCurve c) {
        return new Curve(c.x(), c.psi(), c.lower(), c.upper());
    }
}
