package org.tandem.observer.readout;

import java.util.List;

/**
 * Feature rows with their class and group: the group is what must never be split between training and test folds (the
 * identity a face image shows).
 *
 * @param rows    one feature row per image, all of the same length
 * @param labels  class of each row, 0 … classes−1
 * @param groups  group of each row, e.g. {@code synthetic-faces/101}
 * @param classes number of classes
 */
public record LabelledRows(float[][] rows, int[] labels, List<String> groups, int classes) {
    public LabelledRows {
        groups = List.copyOf(groups);
        if (rows.length != labels.length || rows.length != groups.size()) {
            throw new IllegalArgumentException(rows.length + " rows, " + labels.length + " labels and " + groups.size()
                    + " groups must match");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, row 0 has " + rows[0].length);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("row " + i + " has class " + labels[i] + " outside 0.." + (classes - 1));
            }
        }
    }

    public int size() {
        return rows.length;
    }

    /** The rows at the given indices, in that order. */
    public LabelledRows subset(int[] indices) {
        float[][] r = new float[indices.length][];
        int[] l = new int[indices.length];
        String[] g = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            r[i] = rows[indices[i]];
            l[i] = labels[indices[i]];
            g[i] = groups.get(indices[i]);
        }
        return new LabelledRows(r, l, List.of(g), classes);
    }
}
