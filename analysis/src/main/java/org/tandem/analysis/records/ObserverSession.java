package org.tandem.analysis.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.record.TrialRecord;

/**
 * One observer in the analyses: one session, i.e. one person or one network run answering one trial plan once.
 * Sessions rather than participant codes are the unit so that trial ids are unique within an observer
 * (a network simulated for several sessions gives several observers, as a person tested twice would).
 *
 * @param participant the participant code, null for networks
 */
public record ObserverSession(String sessionId, ObserverKind kind, String observerId, String participant) {

    /** A short name for tables: the participant code for people, the network and session for networks. */
    public String label() {
        return kind == ObserverKind.HUMAN && participant != null ? participant : observerId + " (" + sessionId + ")";
    }

    public static ObserverSession of(TrialRecord record) {
        TrialRecord.SessionFacts s = record.session();
        return new ObserverSession(s.sessionId(), s.observerKind(), s.observerId(), s.participant());
    }

    /** The records split by session, sessions in order of first appearance, records in their given order. */
    public static Map<ObserverSession, List<TrialRecord>> split(List<TrialRecord> records) {
        Map<ObserverSession, List<TrialRecord>> out = new LinkedHashMap<>();
        for (TrialRecord r : records) {
            out.computeIfAbsent(of(r), k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
