package org.tandem.analysis.confusion;

/**
 * How often trials of one true label were answered with it.
 *
 * @param rate            hits / n, or null when there were no trials (then {@code undefinedReason} says so)
 * @param undefinedReason null when the rate is defined
 */
public record HitRate(String label, int hits, int n, Double rate, String undefinedReason) {
    static HitRate of(String label, int hits, int n) {
        return n == 0
                ? new HitRate(label, 0, 0, null, "no answered trials with true label '" + label + "'")
                : new HitRate(label, hits, n, (double) hits / n, null);
    }
}
