package org.tandem.analysis.report;

import java.util.List;
import org.tandem.analysis.compare.FisherExact;

/**
 * Whether the response keys moved people's answers, in a protocol whose keys were counterbalanced
 * ({@code timing.counterbalanceKeys}): how often each key-assignment group chose the first label, and Fisher's exact
 * test of the difference. A key preference (e.g. for the right hand) shows as a difference between the groups.
 *
 * @param firstLabel the label counted (the first of the task's labels)
 * @param groups     "as written" and "reversed", each with its sessions and answers
 * @param test       null when one group has no answers: the check cannot discriminate then
 * @param note       why the check says nothing, or null
 */
public record KeyAssignmentCheck(String protocolId, String firstLabel, List<Group> groups, FisherExact test,
                                 String note) {

    /**
     * @param keys       the labels' keys in this group, e.g. {@code happy=S sad=A}; null when no session stored them
     * @param answers    answered test trials
     * @param chosenFirst of those, answers of {@code firstLabel}
     */
    public record Group(String assignment, String keys, int sessions, int answers, int chosenFirst) {
        public Double share() {
            return answers == 0 ? null : (double) chosenFirst / answers;
        }
    }
}
