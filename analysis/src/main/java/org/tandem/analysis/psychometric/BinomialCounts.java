package org.tandem.analysis.psychometric;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.tandem.protocols.TandemException;

/**
 * Binomial data of a psychometric function: at each stimulus level (ascending, distinct), k "yes"/correct answers
 * out of n trials. Rows of one level are merged; levels without trials are kept, and the fit ignores them.
 */
public final class BinomialCounts {
    private final double[] levels;
    private final int[] k;
    private final int[] n;

    private BinomialCounts(double[] levels, int[] k, int[] n) {
        this.levels = levels;
        this.k = k;
        this.n = n;
    }

    /** Counts from parallel arrays; rows with the same level are added together. */
    public static BinomialCounts of(double[] levels, int[] k, int[] n) {
        if (levels.length != k.length || levels.length != n.length) {
            throw new IllegalArgumentException("levels, k and n differ in length: "
                    + levels.length + ", " + k.length + ", " + n.length);
        }
        TreeMap<Double, int[]> rows = new TreeMap<>();
        for (int i = 0; i < levels.length; i++) {
            if (!Double.isFinite(levels[i])) {
                throw new TandemException("row " + (i + 1) + ": stimulus level " + levels[i] + " is not a finite number");
            }
            if (n[i] < 0 || k[i] < 0 || k[i] > n[i]) {
                throw new TandemException("row " + (i + 1) + " (level " + levels[i] + "): need 0 ≤ k ≤ n, got k = "
                        + k[i] + ", n = " + n[i]);
            }
            int[] row = rows.computeIfAbsent(levels[i] + 0.0, l -> new int[2]);
            row[0] += k[i];
            row[1] += n[i];
        }
        return fromRows(rows);
    }

    /** Aggregates trial-level answers (level, yes/correct) into counts per level. */
    public static BinomialCounts fromTrials(Collection<TrialResponse> trials) {
        TreeMap<Double, int[]> rows = new TreeMap<>();
        for (TrialResponse t : trials) {
            int[] row = rows.computeIfAbsent(t.level() + 0.0, l -> new int[2]);
            row[0] += t.positive() ? 1 : 0;
            row[1] += 1;
        }
        return fromRows(rows);
    }

    private static BinomialCounts fromRows(TreeMap<Double, int[]> rows) {
        double[] levels = new double[rows.size()];
        int[] k = new int[rows.size()];
        int[] n = new int[rows.size()];
        int i = 0;
        for (Map.Entry<Double, int[]> e : rows.entrySet()) {
            levels[i] = e.getKey();
            k[i] = e.getValue()[0];
            n[i] = e.getValue()[1];
            i++;
        }
        return new BinomialCounts(levels, k, n);
    }

    public int size() {
        return levels.length;
    }

    public double level(int i) {
        return levels[i];
    }

    public int k(int i) {
        return k[i];
    }

    public int n(int i) {
        return n[i];
    }

    public double[] levels() {
        return levels.clone();
    }

    public int totalTrials() {
        return Arrays.stream(n).sum();
    }

    /** The same levels with other response counts (a bootstrap sample or a jackknife copy). */
    BinomialCounts withK(int[] newK) {
        return new BinomialCounts(levels, newK.clone(), n);
    }

    /** Only the levels that have trials. */
    BinomialCounts tested() {
        int m = (int) Arrays.stream(n).filter(t -> t > 0).count();
        double[] l = new double[m];
        int[] kk = new int[m];
        int[] nn = new int[m];
        for (int i = 0, j = 0; i < levels.length; i++) {
            if (n[i] > 0) {
                l[j] = levels[i];
                kk[j] = k[i];
                nn[j++] = n[i];
            }
        }
        return new BinomialCounts(l, kk, nn);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BinomialCounts[");
        for (int i = 0; i < levels.length; i++) {
            s.append(i == 0 ? "" : ", ").append(levels[i]).append(": ").append(k[i]).append('/').append(n[i]);
        }
        return s.append(']').toString();
    }
}
