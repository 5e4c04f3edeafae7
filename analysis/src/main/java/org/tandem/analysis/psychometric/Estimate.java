package org.tandem.analysis.psychometric;

/**
 * One reported number: its maximum-likelihood value (null, with the reason, when the fitted curve does not define
 * it) and its bootstrap interval (null without a bootstrap).
 */
public record Estimate(Double value, String reason, Interval ci) {

    public boolean defined() {
        return value != null;
    }
}
