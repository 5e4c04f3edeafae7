package org.tandem.analysis.confusion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tandem.protocols.TandemException;

/**
 * A row-normalised confusion matrix (rows true label, columns response): one observer's, or the mean of several
 * observers' matrices. A row is undefined when nothing supports it (no trials, or no observer with trials of it);
 * its values are then null.
 */
public final class ProportionMatrix {
    private final List<String> labels;
    private final double[][] values;
    private final int[] support;
    private final String emptyRowReason;

    ProportionMatrix(List<String> labels, double[][] values, int[] support, String emptyRowReason) {
        this.labels = List.copyOf(labels);
        this.values = values;
        this.support = support;
        this.emptyRowReason = emptyRowReason;
    }

    /**
     * The mean of per-observer row-normalised matrices (each observer weighs the same, whatever their trial count);
     * a row is averaged over the observers who have trials of it.
     */
    public static ProportionMatrix meanOf(List<ProportionMatrix> matrices) {
        if (matrices.isEmpty()) {
            throw new TandemException("no observers to pool into a confusion matrix; select sessions of a classification task");
        }
        List<String> labels = matrices.get(0).labels;
        int k = labels.size();
        double[][] sum = new double[k][k];
        int[] observers = new int[k];
        for (ProportionMatrix m : matrices) {
            if (!m.labels.equals(labels)) {
                throw new TandemException("cannot pool confusion matrices with labels " + labels + " and " + m.labels
                        + "; pool sessions of one protocol only");
            }
            for (int i = 0; i < k; i++) {
                if (m.rowDefined(i)) {
                    observers[i]++;
                    for (int j = 0; j < k; j++) {
                        sum[i][j] += m.values[i][j];
                    }
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k && observers[i] > 0; j++) {
                sum[i][j] /= observers[i];
            }
        }
        return new ProportionMatrix(labels, sum, observers, "no observer with answered trials of true label");
    }

    /**
     * A published matrix ({@code rows[true][response]}, proportions or counts) in the order of {@code labels}: each row
     * is divided by its sum. {@code publishedLabels} may list the same labels in another order.
     */
    public static ProportionMatrix published(List<String> labels, List<String> publishedLabels, List<List<Double>> rows) {
        int k = labels.size();
        double[][] values = new double[k][k];
        int[] support = new int[k];
        for (int i = 0; i < k; i++) {
            List<Double> row = rows.get(publishedLabels.indexOf(labels.get(i)));
            double sum = row.stream().mapToDouble(Double::doubleValue).sum();
            for (int j = 0; j < k; j++) {
                values[i][j] = row.get(publishedLabels.indexOf(labels.get(j))) / sum;
            }
            support[i] = 1;
        }
        return new ProportionMatrix(labels, values, support, "no published row for true label");
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    /** Whether row {@code row} has any support (trials, or observers when pooled). */
    public boolean rowDefined(int row) {
        return support[row] > 0;
    }

    /** Trials behind a row of one observer's matrix; observers behind a row of a pooled matrix. */
    public int rowSupport(int row) {
        return support[row];
    }

    /** The proportion of true label {@code row} answered as {@code column}, or null when the row is undefined. */
    public Double value(int row, int column) {
        return rowDefined(row) ? values[row][column] : null;
    }

    /** All values, row by row, an undefined row as a row of nulls (for reports). */
    public List<List<Double>> values() {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < size(); j++) {
                row.add(value(i, j));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return rows;
    }

    /** Why a row is undefined, or null when it is defined. */
    public String rowUndefinedReason(int row) {
        return rowDefined(row) ? null : emptyRowReason + " '" + labels.get(row) + "'";
    }

    /** The reasons of all undefined rows, in label order (empty when every row is defined). */
    public List<String> undefinedRows() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (!rowDefined(i)) {
                out.add(rowUndefinedReason(i));
            }
        }
        return out;
    }
}
