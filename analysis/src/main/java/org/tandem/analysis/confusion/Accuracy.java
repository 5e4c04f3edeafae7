package org.tandem.analysis.confusion;

/**
 * Proportion correct with a percentile bootstrap confidence interval.
 *
 * @param accuracy        correct / n, or null when undefined
 * @param ciLow           2.5th percentile of the resampled accuracies, or null when undefined
 * @param ciHigh          97.5th percentile of the resampled accuracies, or null when undefined
 * @param resamples       bootstrap resamples drawn
 * @param seed            the seed of the resampling
 * @param undefinedReason null when defined; otherwise why there is no estimate
 */
public record Accuracy(int correct, int n, Double accuracy, Double ciLow, Double ciHigh, int resamples, long seed,
                       String undefinedReason) {
}
