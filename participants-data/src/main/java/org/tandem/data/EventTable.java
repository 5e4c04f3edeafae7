package org.tandem.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.record.TrialRecord;

/**
 * The export's {@code events} table: every stored event of the exported sessions (start, each run's station facts with
 * its refresh check and frame conversions, pauses, re-presentations, keys outside the answer window, breaks, finish)
 * and a {@code timing-fault} row per screen shown too short or too long. {@code clock_ms} is the station's monotonic
 * clock, the clock of the trials' onsets and RTs, where the event has one; {@code at} is wall time.
 */
final class EventTable {
    static final List<String> COLUMNS = List.of("study", "session_id", "observer_kind", "observer_id", "participant",
            "event_id", "kind", "trial", "clock_ms", "at", "detail");

    private EventTable() {
    }

    static TidyTable of(Map<String, SessionSummary> sessions, Map<String, List<SessionEvent>> events,
                        List<TrialRecord> trials) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SessionSummary s : sessions.values()) {
            if (s.stationInfo().containsKey("run.segment")) {
                // the first run's station facts are the session's own; later runs store theirs as 'station' events
                Map<String, Object> row = row(s, "station");
                row.put("clock_ms", TidyTable.millis(Long.parseLong(s.stationInfo().get("run.clock_ns"))));
                row.put("at", s.startedAt().toString());
                row.put("detail", StoreJson.stringMap(s.stationInfo()));
                rows.add(row);
            }
            for (SessionEvent e : events.getOrDefault(s.sessionId(), List.of())) {
                JsonNode detail = e.detailJson() == null ? null : StoreJson.tree(e.detailJson());
                Map<String, Object> row = row(s, e.kind());
                row.put("event_id", e.id());
                row.put("trial", detail != null && detail.has("trial") ? detail.get("trial").asInt() : null);
                row.put("clock_ms", clockMs(detail));
                row.put("at", e.at().toString());
                row.put("detail", isTrialEvent(detail) ? text(detail.get("detail")) : e.detailJson());
                rows.add(row);
            }
        }
        for (TrialRecord r : trials) {
            if (r.response().presentation() == null) {
                continue;
            }
            SessionSummary s = sessions.get(r.session().sessionId());
            for (ScreenTiming fault : r.response().presentation().faults()) {
                Map<String, Object> row = row(s, "timing-fault");
                row.put("trial", r.trial().index());
                row.put("clock_ms", TidyTable.millis(fault.onsetNanos()));
                row.put("at", r.recordedAt() == null ? null : r.recordedAt().toString());
                row.put("detail", fault.describeFault());
                rows.add(row);
            }
        }
        // by instant, not by its text: Instant.toString() drops trailing zero digits ("00.123Z" after "00.1234Z");
        // events of one instant keep the order they were stored in
        rows.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("session_id"))
                .thenComparing(row -> row.get("at") == null ? Instant.MIN : Instant.parse((String) row.get("at")))
                .thenComparing(row -> row.get("event_id") == null ? Long.MAX_VALUE : (Long) row.get("event_id")));
        return new TidyTable(COLUMNS, rows);
    }

    private static Map<String, Object> row(SessionSummary s, String kind) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("study", s.study());
        row.put("session_id", s.sessionId());
        row.put("observer_kind", s.observerKind().code());
        row.put("observer_id", s.observerId());
        row.put("participant", s.participant());
        row.put("kind", kind);
        return row;
    }

    /** A station event of a trial ({@code trial}, {@code nanos}, {@code detail}): its detail is shown as plain text. */
    private static boolean isTrialEvent(JsonNode detail) {
        return detail != null && detail.has("trial") && detail.has("nanos");
    }

    private static String text(JsonNode value) {
        return value == null ? null : value.asText();
    }

    /** The event's monotonic time: {@code nanos} of a trial event, {@code run.clock_ns} of a run's station facts. */
    private static Object clockMs(JsonNode detail) {
        if (detail == null) {
            return null;
        }
        if (detail.has("nanos")) {
            return TidyTable.millis(detail.get("nanos").asLong());
        }
        if (detail.has("run.clock_ns")) {
            return TidyTable.millis(Long.parseLong(detail.get("run.clock_ns").asText()));
        }
        return null;
    }
}
