package org.tandem.analysis.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.tandem.analysis.confusion.Accuracy;

/**
 * Accuracy of held-out answers with a 95 % percentile bootstrap interval that resamples whole groups: when a readout was
 * scored on held-out identities, its answers to one identity's images are not independent, so the identities are drawn
 * with replacement rather than the images (with one image per group this is the ordinary bootstrap). R's type-7
 * percentiles, one seeded generator.
 */
public final class GroupBootstrap {

    private GroupBootstrap() {
    }

    /**
     * @param correct whether each held-out answer was right
     * @param groups  the group of each answer (an identity, or the image itself)
     */
    public static Accuracy accuracy(boolean[] correct, List<String> groups, int resamples, long seed) {
        if (correct.length != groups.size()) {
            throw new IllegalArgumentException(correct.length + " answers but " + groups.size() + " groups");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        int n = correct.length;
        int hits = 0;
        for (boolean c : correct) {
            hits += c ? 1 : 0;
        }
        if (n == 0) {
            return new Accuracy(0, 0, null, null, null, resamples, seed, "no held-out answers");
        }
        Map<String, int[]> byGroup = new LinkedHashMap<>(); // group -> {right, answers}
        for (int i = 0; i < n; i++) {
            int[] counts = byGroup.computeIfAbsent(groups.get(i), g -> new int[2]);
            counts[0] += correct[i] ? 1 : 0;
            counts[1]++;
        }
        List<int[]> clusters = new ArrayList<>(byGroup.values());
        SplittableRandom random = new SplittableRandom(seed);
        double[] resampled = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            long right = 0;
            long answers = 0;
            for (int k = 0; k < clusters.size(); k++) {
                int[] drawn = clusters.get(random.nextInt(clusters.size()));
                right += drawn[0];
                answers += drawn[1];
            }
            resampled[b] = (double) right / answers;
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(resampled);
        return new Accuracy(hits, n, (double) hits / n, percentile.evaluate(2.5), percentile.evaluate(97.5), resamples,
                seed, null);
    }
}
