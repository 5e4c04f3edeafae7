package org.tandem.analysis.rsa;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Condition-level patterns from image-level rows: the mean pattern of each condition's images (e.g. 624 face images to
 * 6 expression means), the usual input of a condition-level RDM. Rows are added one at a time as a network gives them
 * and only the running sums (in double) are kept, so a 100,000-unit layer over many images needs no matrix of them.
 */
public final class ConditionMeans {
    private final List<String> conditions;
    private final Map<String, Integer> index = new HashMap<>();
    private final double[][] sums;
    private final int[] counts;

    /** @param conditions the conditions in the order the means come out; {@code units} the length of every row */
    public ConditionMeans(List<String> conditions, int units) {
        this.conditions = List.copyOf(conditions);
        for (String c : this.conditions) {
            if (index.put(c, index.size()) != null) {
                throw new IllegalArgumentException("condition '" + c + "' is listed twice");
            }
        }
        if (units < 1) {
            throw new IllegalArgumentException("patterns need at least one unit, got " + units);
        }
        sums = new double[this.conditions.size()][units];
        counts = new int[this.conditions.size()];
    }

    /**
     * The means of {@code rows} grouped by {@code label} (one per row), in the order of {@code conditions}.
     *
     * @throws IllegalArgumentException on a label that is not a condition, a condition without rows, or rows of
     *                                  different lengths
     */
    public static float[][] of(List<String> conditions, String[] label, float[][] rows) {
        if (label.length != rows.length) {
            throw new IllegalArgumentException(label.length + " labels for " + rows.length + " rows: each row needs one");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to average");
        }
        ConditionMeans means = new ConditionMeans(conditions, rows[0].length);
        for (int k = 0; k < rows.length; k++) {
            means.add(label[k], rows[k]);
        }
        return means.means();
    }

    /** Adds one image's row to its condition's sum. */
    public void add(String condition, float[] row) {
        Integer c = index.get(condition);
        if (c == null) {
            throw new IllegalArgumentException("'" + condition + "' is not one of the conditions " + conditions);
        }
        double[] sum = sums[c];
        if (row.length != sum.length) {
            throw new IllegalArgumentException("a row of " + row.length + " units where every row has " + sum.length);
        }
        for (int u = 0; u < sum.length; u++) {
            sum[u] += row[u];
        }
        counts[c]++;
    }

    public List<String> conditions() {
        return conditions;
    }

    /** Rows added so far for {@code condition}. */
    public int count(String condition) {
        Integer c = index.get(condition);
        return c == null ? 0 : counts[c];
    }

    /**
     * One mean row per condition, in the order of {@link #conditions()}.
     *
     * @throws IllegalArgumentException when a condition has no rows: its pattern, and so its RDM entries, would be undefined
     */
    public float[][] means() {
        float[][] means = new float[sums.length][];
        for (int c = 0; c < sums.length; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("condition '" + conditions.get(c) + "' has no rows to average");
            }
            means[c] = new float[sums[c].length];
            for (int u = 0; u < means[c].length; u++) {
                means[c][u] = (float) (sums[c][u] / counts[c]);
            }
        }
        return means;
    }
}
