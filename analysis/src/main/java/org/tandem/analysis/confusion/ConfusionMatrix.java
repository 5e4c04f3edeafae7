package org.tandem.analysis.confusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tandem.analysis.records.LabelledResponse;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;

/** Counts of (true label, response) pairs: rows are true labels, columns responses, both in the task's label order. */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final int[][] counts;

    private ConfusionMatrix(List<String> labels, int[][] counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /** The matrix of a classification task's answered trials, labels in the order the task lists them. */
    public static ConfusionMatrix of(Task.Classification task, List<LabelledResponse> responses) {
        return of(task.labels().stream().map(Task.ResponseOption::label).toList(), responses);
    }

    public static ConfusionMatrix of(List<String> labels, List<LabelledResponse> responses) {
        List<String> order = List.copyOf(labels);
        int[][] counts = new int[order.size()][order.size()];
        for (LabelledResponse r : responses) {
            counts[index(order, r.trueLabel(), r, "true label")][index(order, r.response(), r, "response")]++;
        }
        return new ConfusionMatrix(order, counts);
    }

    private static int index(List<String> labels, String label, LabelledResponse r, String what) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new TandemException("trial " + r.trialId() + " has " + what + " '" + label + "', which is not one of the"
                    + " task's labels " + labels + "; analyse the records with the protocol they were run with");
        }
        return i;
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    /** Trials with true label {@code row} answered with label {@code column}. */
    public int count(int row, int column) {
        return counts[row][column];
    }

    /** All counts, row by row (for reports). */
    public List<List<Integer>> counts() {
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : counts) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return rows;
    }

    public int rowTotal(int row) {
        int sum = 0;
        for (int c : counts[row]) {
            sum += c;
        }
        return sum;
    }

    public int total() {
        int sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += rowTotal(i);
        }
        return sum;
    }

    public int correct() {
        int sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /** Each row divided by its total; a row without trials is undefined. */
    public ProportionMatrix proportions() {
        double[][] values = new double[size()][size()];
        int[] support = new int[size()];
        for (int i = 0; i < size(); i++) {
            support[i] = rowTotal(i);
            for (int j = 0; j < size() && support[i] > 0; j++) {
                values[i][j] = (double) counts[i][j] / support[i];
            }
        }
        return new ProportionMatrix(labels, values, support, "no answered trials with true label");
    }

    /** Per true label: the proportion of its trials answered with that label. */
    public List<HitRate> hitRates() {
        List<HitRate> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            out.add(HitRate.of(labels.get(i), counts[i][i], rowTotal(i)));
        }
        return out;
    }
}
