package org.tandem.analysis.confusion;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.tandem.analysis.records.LabelledResponse;

/**
 * Accuracy with a 95 % percentile bootstrap CI, as Zhou et al. report it: trials are resampled with replacement
 * {@code resamples} times (they use 10,000) from one seeded generator; the CI bounds are the 2.5th and 97.5th
 * percentiles of the resampled accuracies (R's default quantile definition, type 7).
 */
public final class AccuracyBootstrap {
    /** The number of resamples Zhou et al. use. */
    public static final int DEFAULT_RESAMPLES = 10_000;

    private AccuracyBootstrap() {
    }

    public static Accuracy ofResponses(List<LabelledResponse> responses, int resamples, long seed) {
        return estimate(responses.stream().map(LabelledResponse::correct).toList(), resamples, seed);
    }

    /** @param outcomes one entry per trial: whether it was answered correctly */
    public static Accuracy estimate(List<Boolean> outcomes, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        int n = outcomes.size();
        boolean[] correct = new boolean[n];
        int hits = 0;
        for (int i = 0; i < n; i++) {
            correct[i] = outcomes.get(i);
            hits += correct[i] ? 1 : 0;
        }
        if (n == 0) {
            return new Accuracy(0, 0, null, null, null, resamples, seed, "no answered trials");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] resampled = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                k += correct[random.nextInt(n)] ? 1 : 0;
            }
            resampled[b] = (double) k / n;
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(resampled);
        return new Accuracy(hits, n, (double) hits / n, percentile.evaluate(2.5), percentile.evaluate(97.5), resamples,
                seed, null);
    }
}
