package org.tandem.analysis.psychometric;

/**
 * A bootstrap confidence interval. definedFraction is the share of bootstrap samples whose curve defines the quantity
 * (a PSE can fall outside the tested range in some samples); the interval is over those samples. lower and upper are
 * null, with the reason, when fewer than half define it.
 */
public record Interval(Double lower, Double upper, double definedFraction, String reason) {

    /** upper − lower, or NaN without an interval. */
    public double width() {
        return lower == null ? Double.NaN : upper - lower;
    }

    public boolean contains(double value) {
        return lower != null && lower <= value && value <= upper;
    }
}
