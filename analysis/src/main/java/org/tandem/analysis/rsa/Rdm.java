package org.tandem.analysis.rsa;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A representational dissimilarity matrix: how unlike each other n named conditions are, to a network (its units'
 * patterns) or to people (their confusions). RDMs from such different sources share no units, so Tandem compares them
 * by rank ({@link RdmComparison}). Symmetric with a zero diagonal; an entry may be NaN where the dissimilarity is
 * undefined (a constant pattern, a condition nobody was shown), and the statistics leave those entries out.
 */
public final class Rdm {
    private final List<String> labels;
    private final double[][] values;

    private Rdm(List<String> labels, double[][] values) {
        this.labels = labels;
        this.values = values;
    }

    /** The dissimilarity of an ordered pair of conditions. */
    @FunctionalInterface
    interface PairValue {
        double of(int i, int j);
    }

    /**
     * An RDM given whole (the array is copied).
     *
     * @throws IllegalArgumentException unless the labels are distinct, at least 2, and the matrix is n × n, symmetric
     *                                  (NaN mirrored by NaN) with a zero diagonal
     */
    public static Rdm of(List<String> labels, double[][] values) {
        List<String> names = checkLabels(labels);
        int n = names.size();
        if (values.length != n) {
            throw new IllegalArgumentException(values.length + " rows for " + n + " conditions: an RDM is n × n");
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (values[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " entries for " + n
                        + " conditions: an RDM is n × n");
            }
            copy[i] = values[i].clone();
            if (copy[i][i] != 0) {
                throw new IllegalArgumentException("the diagonal entry of '" + names.get(i) + "' is " + copy[i][i]
                        + ": a condition is not dissimilar to itself, so an RDM's diagonal is 0");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double a = copy[i][j];
                double b = copy[j][i];
                if (a != b && !(Double.isNaN(a) && Double.isNaN(b))) {
                    throw new IllegalArgumentException("entries ('" + names.get(i) + "', '" + names.get(j) + "') = " + a
                            + " and ('" + names.get(j) + "', '" + names.get(i) + "') = " + b + ": an RDM is symmetric");
                }
            }
        }
        return new Rdm(names, copy);
    }

    /** An RDM from its {@link #upperTriangle()}, as stored or as another tool writes it (row-major, i &lt; j). */
    public static Rdm fromUpperTriangle(List<String> labels, double[] upper) {
        List<String> names = checkLabels(labels);
        int n = names.size();
        if (upper.length != entries(n)) {
            throw new IllegalArgumentException(upper.length + " entries for " + n + " conditions: the upper triangle has "
                    + entries(n));
        }
        return new Rdm(names, symmetric(n, (i, j) -> upper[index(n, i, j)]));
    }

    /**
     * 1 − Pearson r between condition patterns (rows: conditions, columns: units): the correlation distance most RSA
     * work uses, blind to a pattern's overall level and gain. A constant pattern has no r, so its entries are NaN.
     */
    public static Rdm correlation(List<String> labels, float[][] patterns) {
        List<String> names = checkLabels(labels);
        PatternDistances.check(names.size(), patterns);
        return new Rdm(names, PatternDistances.correlation(patterns));
    }

    /** Euclidean distance between condition patterns (rows: conditions, columns: units); sensitive to level and gain. */
    public static Rdm euclidean(List<String> labels, float[][] patterns) {
        List<String> names = checkLabels(labels);
        PatternDistances.check(names.size(), patterns);
        return new Rdm(names, PatternDistances.euclidean(patterns));
    }

    /**
     * People's RDM from a confusion matrix ({@code counts[shown][answered]}): two expressions are alike to the degree
     * that each is taken for the other. Each row is divided by its sum, p_ij = P(answer j | shown i), and
     * d_ij = 1 − (p_ij + p_ji) / 2 for i ≠ j: one minus the symmetrised confusion proportion, the usual behavioural
     * RDM. (Shepard's 1957 measure, √(p_ij p_ji / (p_ii p_jj)), is not used: it is undefined whenever a pair is never
     * confused, which is common at Tandem's trial counts.) Row-normalised proportions work as well as counts. A
     * condition with no trials makes its entries NaN.
     *
     * @throws IllegalArgumentException unless counts is n × n with finite values ≥ 0
     */
    public static Rdm fromConfusion(List<String> labels, double[][] counts) {
        List<String> names = checkLabels(labels);
        int n = names.size();
        double[] total = new double[n];
        for (int i = 0; i < n; i++) {
            if (counts.length != n || counts[i].length != n) {
                throw new IllegalArgumentException("a confusion matrix for " + n + " conditions is " + n + " × " + n);
            }
            for (double c : counts[i]) {
                if (!(c >= 0) || Double.isInfinite(c)) {
                    throw new IllegalArgumentException("confusion counts are finite and ≥ 0; row '" + names.get(i)
                            + "' holds " + c);
                }
                total[i] += c;
            }
        }
        return new Rdm(names, symmetric(n, (i, j) -> total[i] == 0 || total[j] == 0 ? Double.NaN
                : 1 - (counts[i][j] / total[i] + counts[j][i] / total[j]) / 2));
    }

    /**
     * A model RDM: 0 between conditions of the same category, 1 otherwise; e.g. "same expression" or "same identity"
     * over image-level conditions.
     */
    public static Rdm categorical(List<String> labels, String[] category) {
        List<String> names = checkLabels(labels);
        if (category.length != names.size()) {
            throw new IllegalArgumentException(category.length + " categories for " + names.size()
                    + " conditions: a categorical model needs one per condition");
        }
        for (int i = 0; i < category.length; i++) {
            if (category[i] == null) {
                throw new IllegalArgumentException("condition '" + names.get(i) + "' has no category");
            }
        }
        return new Rdm(names, symmetric(names.size(), (i, j) -> category[i].equals(category[j]) ? 0 : 1));
    }

    /**
     * The entry-by-entry mean of RDMs over the same conditions (a group's RDM), skipping NaN: an entry is the mean of
     * the RDMs that have it, NaN only where none has.
     */
    public static Rdm mean(List<Rdm> rdms) {
        if (rdms.isEmpty()) {
            throw new IllegalArgumentException("no RDMs to average");
        }
        Rdm first = rdms.get(0);
        CellMeans means = new CellMeans(entries(first.size()));
        for (Rdm r : rdms) {
            first.requireSameLabels(r);
            means.add(r.upperTriangle());
        }
        return fromUpperTriangle(first.labels, means.mean());
    }

    /** The same RDM with its conditions in the order of {@code order}, which must name each of them once. */
    public Rdm inOrder(List<String> order) {
        List<String> names = checkLabels(order);
        if (names.size() != size() || !Set.copyOf(names).equals(Set.copyOf(labels))) {
            throw new IllegalArgumentException("cannot put the conditions " + describe(labels) + " in the order "
                    + describe(names) + ": both must name the same conditions");
        }
        int[] from = new int[names.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = labels.indexOf(names.get(i));
        }
        return new Rdm(names, symmetric(from.length, (i, j) -> values[from[i]][from[j]]));
    }

    public List<String> labels() {
        return labels;
    }

    /** The number of conditions. */
    public int size() {
        return labels.size();
    }

    public double get(int i, int j) {
        return values[i][j];
    }

    /** A copy of the whole matrix. */
    public double[][] values() {
        double[][] copy = new double[size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /** The n (n − 1) / 2 entries above the diagonal, row by row (i &lt; j): what the statistics compare. */
    public double[] upperTriangle() {
        int n = size();
        double[] upper = new double[entries(n)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                upper[k++] = values[i][j];
            }
        }
        return upper;
    }

    /** @throws IllegalArgumentException unless {@code other} has the same labels in the same order */
    void requireSameLabels(Rdm other) {
        if (labels.equals(other.labels)) {
            return;
        }
        String how;
        if (size() != other.size()) {
            how = size() + " and " + other.size() + " conditions";
        } else if (Set.copyOf(labels).equals(Set.copyOf(other.labels))) {
            how = "the same conditions in another order; put one in the other's order with inOrder(labels)";
        } else {
            int i = 0;
            while (labels.get(i).equals(other.labels.get(i))) {
                i++;
            }
            how = "condition " + i + " is '" + labels.get(i) + "' in one and '" + other.labels.get(i) + "' in the other";
        }
        throw new IllegalArgumentException("RDMs over different conditions cannot be compared entry by entry: " + how);
    }

    /** Number of entries above the diagonal of an n × n RDM. */
    static int entries(int n) {
        return n * (n - 1) / 2;
    }

    /** Position of (i, j), i &lt; j, in the upper triangle. */
    static int index(int n, int i, int j) {
        return i * n - i * (i + 1) / 2 + j - i - 1;
    }

    /** The n × n symmetric matrix with a zero diagonal whose entry (i, j), i &lt; j, is {@code value.of(i, j)}. */
    static double[][] symmetric(int n, PairValue value) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                m[i][j] = value.of(i, j);
                m[j][i] = m[i][j];
            }
        }
        return m;
    }

    private static List<String> checkLabels(List<String> labels) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException("an RDM needs at least 2 conditions, got " + labels.size());
        }
        Set<String> seen = new HashSet<>();
        for (String name : labels) {
            if (name == null) {
                throw new IllegalArgumentException("a condition has no label");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("condition '" + name + "' is named twice: an RDM's conditions are distinct");
            }
        }
        return List.copyOf(labels);
    }

    private static String describe(List<String> names) {
        return names.size() <= 8 ? names.toString() : names.size() + " labels " + names.subList(0, 8) + "…";
    }
}
