package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.analysis.compare.FisherExact;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.protocols.KeyCounterbalance;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.record.TrialRecord;

/** The {@link KeyAssignmentCheck} of each protocol with counterbalanced keys that people answered. */
final class KeyAssignmentAnalysis {
    private KeyAssignmentAnalysis() {
    }

    /** @param sessionKeys each person's session's stored key assignment and key map, by session id */
    static List<KeyAssignmentCheck> analyse(List<ProtocolRecords> protocols,
                                           Map<String, ReportInput.SessionKeys> sessionKeys) {
        List<KeyAssignmentCheck> checks = new ArrayList<>();
        for (ProtocolRecords p : protocols) {
            if (!p.protocol().timing().keysCounterbalanced()) {
                continue;
            }
            List<TrialRecord> people = p.records().stream()
                    .filter(r -> r.session().observerKind() == ObserverKind.HUMAN && !r.trial().practice()).toList();
            if (people.isEmpty()) {
                continue;
            }
            String first = p.protocol().task().labels().get(0).label();
            Map<String, Set<String>> sessions = new LinkedHashMap<>();
            Map<String, String> keys = new LinkedHashMap<>();
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (String assignment : List.of(KeyCounterbalance.AS_WRITTEN, KeyCounterbalance.REVERSED)) {
                sessions.put(assignment, new LinkedHashSet<>());
                counts.put(assignment, new int[2]);
            }
            for (TrialRecord r : people) {
                ReportInput.SessionKeys stored = sessionKeys.get(r.session().sessionId());
                String assignment = stored != null ? stored.assignment()
                        : KeyCounterbalance.describe(p.protocol(), r.session().participant());
                sessions.get(assignment).add(r.session().sessionId());
                if (stored != null && stored.keys() != null) {
                    keys.putIfAbsent(assignment, stored.keys());
                }
                if (r.response().answer() != null) {
                    int[] c = counts.get(assignment);
                    c[0]++;
                    c[1] += first.equals(r.response().answer()) ? 1 : 0;
                }
            }
            List<KeyAssignmentCheck.Group> groups = new ArrayList<>();
            counts.forEach((assignment, c) -> groups.add(new KeyAssignmentCheck.Group(assignment, keys.get(assignment),
                    sessions.get(assignment).size(), c[0], c[1])));
            KeyAssignmentCheck.Group a = groups.get(0);
            KeyAssignmentCheck.Group b = groups.get(1);
            boolean both = a.answers() > 0 && b.answers() > 0;
            FisherExact test = both ? FisherExact.test(a.chosenFirst(), a.answers() - a.chosenFirst(), b.chosenFirst(),
                    b.answers() - b.chosenFirst()) : null;
            String note = both ? null : "cannot discriminate: only participants with the keys "
                    + (a.answers() > 0 ? a.assignment() : b.assignment()) + " answered so far";
            checks.add(new KeyAssignmentCheck(p.protocol().id(), first, groups, test, note));
        }
        return checks;
    }
}
