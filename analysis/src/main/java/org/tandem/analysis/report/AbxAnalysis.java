package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.compare.CategoricalPerception;
import org.tandem.analysis.identification.IdentificationPoint;
import org.tandem.analysis.records.LevelCount;
import org.tandem.analysis.records.PairAccuracy;
import org.tandem.analysis.records.TrialData;
import org.tandem.analysis.report.AbxSection.AbxObserver;
import org.tandem.protocols.Task;

/**
 * The ABX section: accuracy per pair along the continuum, and the categorical-perception comparison for observers who
 * also identified the same continuum.
 */
final class AbxAnalysis {
    private AbxAnalysis() {
    }

    /** @param identification observer name → two-AFC level counts on the same continuum (same ends, same faces) */
    static AbxSection analyse(Task.Abx task, List<ObserverGroup> groups, Map<String, List<LevelCount>> identification) {
        List<AbxObserver> observers = new ArrayList<>();
        for (ObserverGroup g : groups) {
            List<PairAccuracy> pairs = TrialData.pairAccuracies(g.records(), task);
            List<LevelCount> counts = identification.get(g.name());
            CategoricalPerception cp = counts == null ? null
                    : CategoricalPerception.compare(IdentificationPoint.of(counts), pairs);
            String note = counts != null ? null : identification.isEmpty()
                    ? "no two-AFC identification of the " + task.continuum().name() + " continuum (same faces) in these"
                    + " records, so there is nothing to predict discrimination from"
                    : "no two-AFC identification by '" + g.name() + "' of the same continuum; networks are matched by"
                    + " their exact observer spec, and ABX specs often carry options (e.g. noise) that 2AFC specs do not";
            observers.add(new AbxObserver(g.name(), ReportText.kind(g.kind()), g.sessions(), pairs,
                    pairs.stream().map(PairInterval::of).toList(), cp, note));
        }
        return new AbxSection(task.continuum().from(), task.continuum().to(), task.continuum().factor(), observers);
    }
}
