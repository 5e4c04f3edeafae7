package org.tandem.analysis.looks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Means of per-image region shares, by expression and over all images, with 95 % percentile bootstrap intervals
 * (images resampled with replacement within each group; seeded, so the same input gives the same intervals). Images
 * whose map is empty have no share and are counted apart.
 */
public final class RegionShareStatistics {
    private RegionShareStatistics() {
    }

    /**
     * @param shares      per image, the share of each region (NaN for every region where the map was empty)
     * @param expressions per image, its expression ("" when unknown: those count only in {@code all})
     */
    public static List<RegionShares> groups(List<String> regions, double[][] shares, List<String> expressions,
                                            int bootstrap, long seed) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < shares.length; i++) {
            String e = expressions.get(i);
            if (e != null && !e.isEmpty()) {
                byGroup.computeIfAbsent(e, k -> new ArrayList<>()).add(i);
            }
        }
        List<RegionShares> out = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            all.add(i);
        }
        out.add(group(RegionShares.ALL, all, regions, shares, bootstrap, seed));
        byGroup.keySet().stream().sorted().forEach(g -> out.add(group(g, byGroup.get(g), regions, shares, bootstrap,
                seed)));
        return out;
    }

    private static RegionShares group(String name, List<Integer> members, List<String> regions, double[][] shares,
                                      int bootstrap, long seed) {
        List<double[]> rows = new ArrayList<>();
        for (int i : members) {
            if (!Double.isNaN(shares[i][0])) {
                rows.add(shares[i]);
            }
        }
        int empty = members.size() - rows.size();
        List<ShareEstimate> estimates = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            double[] values = new double[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.get(i)[r];
            }
            estimates.add(estimate(regions.get(r), values, bootstrap, seed + r));
        }
        return new RegionShares(name, rows.size(), empty, estimates);
    }

    /** Mean and 95 % percentile bootstrap interval; NaN throughout when there is no value. */
    static ShareEstimate estimate(String region, double[] values, int bootstrap, long seed) {
        if (values.length == 0) {
            return new ShareEstimate(region, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean(values);
        if (values.length == 1 || bootstrap < 1) {
            return new ShareEstimate(region, mean, Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[bootstrap];
        for (int b = 0; b < bootstrap; b++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[b] = sum / values.length;
        }
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(means);
        return new ShareEstimate(region, mean, p.evaluate(2.5), p.evaluate(97.5));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
