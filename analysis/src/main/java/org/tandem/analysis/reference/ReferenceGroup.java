package org.tandem.analysis.reference;

import java.util.List;

/**
 * People known only from a published summary: a group PSE (mean, spread, n) on a continuum and/or a confusion matrix.
 * The report compares each network with it (docs/IMPORT.md).
 *
 * @param name       what the report calls the group, e.g. "Ying et al. people"
 * @param source     where the numbers come from (paper, table, figure)
 * @param file       the file they were read from, and its SHA-256, for the record
 * @param pse        the group's PSE, or null
 * @param confusion  the group's confusion matrix, or null
 */
public record ReferenceGroup(String name, String source, String file, String sha256, PublishedPse pse,
                             PublishedConfusion confusion) {

    /**
     * A group's point of subjective equality on a continuum, in percent of the way to {@code to} (Tandem's levels).
     *
     * @param sd     the standard deviation of participants' PSEs in percent (from the SEM as sem·√n where an SEM was given)
     * @param spread how the spread was published: {@code SD} or {@code SEM}, with its value as given
     */
    public record PublishedPse(String from, String to, double mean, double sd, int n, String spread) {
    }

    /**
     * @param labels the labels of rows (true) and columns (response)
     * @param rows   proportions or counts as published; each row is normalised to sum to 1
     */
    public record PublishedConfusion(List<String> labels, List<List<Double>> rows) {
        public PublishedConfusion {
            labels = List.copyOf(labels);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
