package org.tandem.analysis.report;

import java.util.List;
import org.tandem.analysis.compare.CategoricalPerception;
import org.tandem.analysis.records.PairAccuracy;

/**
 * An ABX task: observed accuracy per pair along the continuum per observer, and, where the same observer identified
 * the same continuum in a two-AFC task, the accuracy predicted from identification.
 */
public record AbxSection(String continuumFrom, String continuumTo, String factor, List<AbxObserver> observers) {

    /**
     * @param intervals                 each pair's accuracy with its 95 % Wilson interval, in {@code pairs} order
     * @param categoricalPerceptionNote why there is no comparison, null when there is one
     */
    public record AbxObserver(String name, String kind, List<String> sessions, List<PairAccuracy> pairs,
                              List<PairInterval> intervals, CategoricalPerception categoricalPerception,
                              String categoricalPerceptionNote) {
    }
}
