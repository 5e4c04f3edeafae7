package org.tandem.analysis.units;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The tuning map of a layer's expression-selective units, as Zhou et al.'s Fig. 1B draws it: one row per unit, one
 * column per expression, each cell the unit's tuning value; rows grouped by preferred expression and, within a group,
 * strongest preference first. A layer with more selective units than a page can show keeps evenly spaced rows of that
 * order (the group sizes stay exact), and each group's mean tuning profile is kept whole.
 *
 * @param expressions    the columns
 * @param selectiveUnits how many expression-selective units the layer has
 * @param units          the units shown, in row order (indices into the layer)
 * @param preferred      each shown unit's preferred expression
 * @param values         each shown unit's tuning values, {@code values[row][expression]}
 * @param groupSizes     selective units preferring each expression
 * @param groupMeans     the mean tuning profile of the units preferring each expression (NaN for an empty group)
 */
public record TuningMap(List<String> expressions, int selectiveUnits, int[] units, int[] preferred, double[][] values,
                        int[] groupSizes, double[][] groupMeans) {
    /** Rows a map shows at most. */
    public static final int MAX_ROWS = 240;

    /**
     * @param selected the units to map (a layer's expression-selective units)
     */
    public static TuningMap of(UnitTuning.Result tuning, int[] selected, List<String> expressions, int maxRows) {
        int k = expressions.size();
        double[][] v = tuning.values();
        int[] pref = tuning.preferred();
        Integer[] order = Arrays.stream(selected).filter(u -> pref[u] >= 0).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingInt(u -> pref[u]).thenComparingDouble(u -> -v[u][pref[u]])
                .thenComparingInt(u -> u));
        int[] sizes = new int[k];
        double[][] means = new double[k][k];
        for (int u : order) {
            sizes[pref[u]]++;
            for (int e = 0; e < k; e++) {
                means[pref[u]][e] += v[u][e];
            }
        }
        for (int g = 0; g < k; g++) {
            for (int e = 0; e < k; e++) {
                means[g][e] = sizes[g] == 0 ? Double.NaN : means[g][e] / sizes[g];
            }
        }
        int rows = Math.min(order.length, maxRows);
        List<Integer> shown = new ArrayList<>();
        IntStream.range(0, rows).forEach(r -> shown.add(order[(int) ((long) r * order.length / rows)]));
        int[] units = shown.stream().mapToInt(Integer::intValue).toArray();
        return new TuningMap(List.copyOf(expressions), order.length, units,
                Arrays.stream(units).map(u -> pref[u]).toArray(),
                Arrays.stream(units).mapToObj(u -> v[u].clone()).toArray(double[][]::new), sizes, means);
    }
}
