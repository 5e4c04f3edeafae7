package org.tandem.analysis.report;

import java.util.List;
import org.tandem.analysis.compare.CorrelationTest;
import org.tandem.analysis.compare.ErrorConsistency;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.confusion.HitRate;

/**
 * A classification task: confusion matrices, accuracy and hit rates per observer, the human mean matrix, and how
 * alike observers' errors are (Kendall's τ of error patterns; trial-by-trial error consistency κ).
 *
 * @param humanMean           the mean of participants' row proportions, null without human observers
 * @param errorPatterns       τ between every pair of the plotted matrices (the human mean and each network)
 * @param errorConsistency    κ between each person and each network, and between networks
 * @param errorConsistencyNote how trials were matched
 */
public record ClassificationSection(List<String> labels, List<ClassificationObserver> observers, Matrix humanMean,
                                    int humans, List<PatternComparison> errorPatterns,
                                    List<ConsistencyComparison> errorConsistency, String errorConsistencyNote) {

    /** @param counts rows true label, columns response, in {@code labels} order */
    public record ClassificationObserver(String name, String kind, List<String> sessions, List<List<Integer>> counts,
                                         Matrix proportions, Accuracy accuracy, List<HitRate> hitRates) {
    }

    /** Row proportions (null in undefined rows) and the reasons rows are undefined. */
    public record Matrix(List<List<Double>> values, List<String> undefinedRows) {
    }

    public record PatternComparison(String first, String second, CorrelationTest kendall) {
    }

    public record ConsistencyComparison(String first, String second, ErrorConsistency consistency) {
    }
}
