package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.records.ObserverSession;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.record.TrialRecord;

/**
 * One observer of the report: a person (all sessions of one participant code) or a network (all sessions of one
 * observer id, e.g. {@code faceapi:expression}), with its trial records pooled over those sessions.
 *
 * @param sessions the session ids, in the order the records gave them
 */
public record ObserverGroup(String name, ObserverKind kind, List<String> sessions, List<TrialRecord> records) {
    /** The observer id prefix of imported people's sessions, followed by the tool. */
    public static final String IMPORTED = "import:";

    public boolean human() {
        return kind == ObserverKind.HUMAN;
    }

    /**
     * Where the group's answers come from: "network", "tested with Tandem", or "imported from TOOL" for people whose
     * sessions {@code tandem import} stored (observer id {@code import:TOOL}).
     */
    public String origin() {
        if (!human()) {
            return "network";
        }
        List<String> tools = records.stream().map(r -> r.session().observerId()).distinct()
                .map(id -> id.startsWith(IMPORTED) ? "imported from " + id.substring(IMPORTED.length())
                        : "tested with Tandem").distinct().toList();
        return String.join(" and ", tools);
    }

    /** The records of the group's first session only: trial ids are unique within one session. */
    public List<TrialRecord> firstSession() {
        String first = sessions.get(0);
        return records.stream().filter(r -> r.session().sessionId().equals(first)).toList();
    }

    /** Groups records by observer: people first, then networks, each in order of first appearance. */
    public static List<ObserverGroup> of(List<TrialRecord> records) {
        return of(records, Map.of());
    }

    /** As {@link #of(List)}, naming networks by {@code networkNames} (observer id → name) where given. */
    public static List<ObserverGroup> of(List<TrialRecord> records, Map<String, String> networkNames) {
        Map<String, List<TrialRecord>> people = new LinkedHashMap<>();
        Map<String, List<TrialRecord>> networks = new LinkedHashMap<>();
        for (TrialRecord r : records) {
            ObserverSession s = ObserverSession.of(r);
            boolean human = s.kind() == ObserverKind.HUMAN;
            String name = human && s.participant() != null ? s.participant()
                    : human ? s.observerId() : networkNames.getOrDefault(s.observerId(), s.observerId());
            (human ? people : networks).computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        List<ObserverGroup> out = new ArrayList<>();
        people.forEach((name, rs) -> out.add(group(name, ObserverKind.HUMAN, rs)));
        networks.forEach((name, rs) -> out.add(group(name, ObserverKind.MODEL, rs)));
        return out;
    }

    private static ObserverGroup group(String name, ObserverKind kind, List<TrialRecord> records) {
        List<String> sessions = records.stream().map(r -> r.session().sessionId()).distinct().toList();
        return new ObserverGroup(name, kind, sessions, List.copyOf(records));
    }
}
