package org.tandem.analysis.report;

import java.util.List;
import org.tandem.analysis.compare.PseComparison;
import org.tandem.analysis.identification.CurveShapes;
import org.tandem.analysis.psychometric.PsychometricFit;
import org.tandem.analysis.records.LevelCount;

/**
 * A two-AFC identification task: per observer, how often the first label was chosen at each continuum level, the
 * psychometric fit, and the identification-curve shapes; the human mean; networks' PSEs against the human ones.
 *
 * @param countedLabel       the label whose proportion is plotted (the task's first label)
 * @param humanMean          null without human observers
 * @param pseComparison      null with fewer than two humans, see {@code pseComparisonNote}
 * @param shapesShown        whose curve shapes the small plot shows (the human mean, else the first observer)
 */
public record IdentificationSection(String countedLabel, String continuumFrom, String continuumTo, String factor,
                                    List<IdentificationObserver> observers, HumanMean humanMean,
                                    PseComparison pseComparison, String pseComparisonNote, String shapesShown) {

    /** One observer's identification data and fits. */
    public record IdentificationObserver(String name, String kind, List<String> sessions, List<LevelCount> counts,
                                         PsychometricFit fit, Curve curve, CurveShapes shapes) {
    }

    /**
     * People together: at each level the mean over participants of their proportions with a t interval, and one fit
     * of everyone's counts pooled.
     */
    public record HumanMean(int participants, List<MeanPoint> points, PsychometricFit pooledFit, Curve curve,
                            CurveShapes shapes) {
    }

    /**
     * @param ciLow  mean − t(0.975, n − 1)·SD/√n, null with one participant
     * @param ciHigh mean + t(0.975, n − 1)·SD/√n, null with one participant
     */
    public record MeanPoint(double level, double mean, Double ciLow, Double ciHigh, int participants) {
    }
}
