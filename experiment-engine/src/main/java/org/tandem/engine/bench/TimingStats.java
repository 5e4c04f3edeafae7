package org.tandem.engine.bench;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Summary of repeated timings in milliseconds: median, 90th percentile and fastest run. */
public record TimingStats(double medianMs, double p90Ms, double minMs, int runs) {

    public static TimingStats of(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no timings to summarise");
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(millis);
        return new TimingStats(stats.getPercentile(50), stats.getPercentile(90), stats.getMin(), millis.length);
    }
}
