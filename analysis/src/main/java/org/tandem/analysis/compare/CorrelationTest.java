package org.tandem.analysis.compare;

/**
 * A correlation with its two-sided p value.
 *
 * @param statistic       which coefficient ("Kendall tau-b", "Pearson r")
 * @param n               pairs of values used
 * @param coefficient     the coefficient, or null when undefined
 * @param p               two-sided p, or null when undefined
 * @param method          how p was computed
 * @param undefinedReason null when defined
 */
public record CorrelationTest(String statistic, int n, Double coefficient, Double p, String method,
                              String undefinedReason) {
    static CorrelationTest undefined(String statistic, int n, String reason) {
        return new CorrelationTest(statistic, n, null, null, null, reason);
    }
}
