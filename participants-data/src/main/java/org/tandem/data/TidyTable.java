package org.tandem.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

/**
 * The tidy tables: one row per trial (or session), the same columns whoever answered. Cells hold plain values (String,
 * Boolean, Integer, Long, BigDecimal, a JSON object node) or null; writers turn them into CSV text or JSON values.
 *
 * @param columns column names in order
 * @param rows    one map per row, keyed by column, holding every column
 */
record TidyTable(List<String> columns, List<Map<String, Object>> rows) {
    static final List<String> DEMOGRAPHIC_COLUMNS = List.of("age", "sex", "handedness");
    private static final BigDecimal NANOS_PER_MS = BigDecimal.valueOf(1_000_000);

    TidyTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Which demographics to add: none, or those of the participant codes looked up through {@code lookup}. */
    record DemographicsLookup(boolean include, Function<String, Optional<Demographics>> lookup) {
        static DemographicsLookup excluded() {
            return new DemographicsLookup(false, code -> Optional.empty());
        }
    }

    static TidyTable trials(List<TrialRecord> records, Map<String, SessionSummary> sessions, DemographicsLookup demographics) {
        Set<String> factors = new LinkedHashSet<>();
        for (TrialRecord r : records) {
            factors.addAll(r.trial().levels().keySet());
        }
        List<String> columns = new ArrayList<>(List.of("study", "session_id", "protocol_id", "protocol_sha256", "variant",
                "observer_kind", "observer_id", "participant"));
        if (demographics.include()) {
            columns.addAll(DEMOGRAPHIC_COLUMNS);
        }
        columns.addAll(List.of("seed", "session_status", "plan_index", "trial_id", "block", "practice"));
        for (String factor : factors) {
            columns.add("level_" + factor);
        }
        columns.addAll(List.of("stimuli", "correct_answer", "response", "correct", "rt_ms", "onset_ms", "offset_ms",
                "frames_requested", "frames_shown", "missed_frames", "missed_flag"));
        List<String> presentationColumns = PresentationColumns.columns(records);
        columns.addAll(presentationColumns);
        columns.addAll(List.of("output", "recorded_at"));

        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (TrialRecord r : records) {
            SessionSummary s = sessions.get(r.session().sessionId());
            Trial t = r.trial();
            Response response = r.response();
            FrameTiming timing = response.timing();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("study", r.session().study());
            row.put("session_id", r.session().sessionId());
            row.put("protocol_id", r.session().protocolId());
            row.put("protocol_sha256", s.protocolSha256());
            row.put("variant", r.session().variant());
            row.put("observer_kind", r.session().observerKind().code());
            row.put("observer_id", r.session().observerId());
            row.put("participant", r.session().participant());
            if (demographics.include()) {
                putDemographics(row, r.session().participant(), demographics);
            }
            row.put("seed", r.session().seed());
            row.put("session_status", s.status().code());
            row.put("plan_index", t.index());
            row.put("trial_id", t.id());
            row.put("block", t.block());
            row.put("practice", t.practice());
            for (String factor : factors) {
                row.put("level_" + factor, t.levels().get(factor));
            }
            row.put("stimuli", StimulusText.of(t));
            row.put("correct_answer", t.correctAnswer());
            row.put("response", response.answer());
            row.put("correct", r.correct());
            row.put("rt_ms", response.rtMs() == null ? null : number(response.rtMs()));
            row.put("onset_ms", timing == null ? null : millis(timing.onsetNanos()));
            row.put("offset_ms", timing == null ? null : millis(timing.offsetNanos()));
            row.put("frames_requested", timing == null ? null : timing.framesRequested());
            row.put("frames_shown", timing == null ? null : timing.framesShown());
            row.put("missed_frames", timing == null ? null : timing.missedFrames());
            row.put("missed_flag", timing == null ? null : timing.missed());
            PresentationColumns.put(row, response.presentation(), presentationColumns);
            row.put("output", response.output() == null ? null : outputObject(response.output()));
            row.put("recorded_at", r.recordedAt() == null ? null : r.recordedAt().toString());
            rows.add(row);
        }
        return new TidyTable(columns, rows);
    }

    static TidyTable sessions(List<SessionSummary> sessions, DemographicsLookup demographics) {
        List<String> columns = new ArrayList<>(List.of("study", "session_id", "protocol_id", "protocol_sha256", "variant",
                "observer_kind", "observer_id", "participant"));
        if (demographics.include()) {
            columns.addAll(DEMOGRAPHIC_COLUMNS);
        }
        columns.addAll(List.of("seed", "session_status", "trials_done", "trials_planned", "plan_sha256", "host",
                "station_info", "started_at", "ended_at"));
        List<Map<String, Object>> rows = new ArrayList<>(sessions.size());
        for (SessionSummary s : sessions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("study", s.study());
            row.put("session_id", s.sessionId());
            row.put("protocol_id", s.protocolId());
            row.put("protocol_sha256", s.protocolSha256());
            row.put("variant", s.variant());
            row.put("observer_kind", s.observerKind().code());
            row.put("observer_id", s.observerId());
            row.put("participant", s.participant());
            if (demographics.include()) {
                putDemographics(row, s.participant(), demographics);
            }
            row.put("seed", s.seed());
            row.put("session_status", s.status().code());
            row.put("trials_done", s.trialsDone());
            row.put("trials_planned", s.trialsPlanned());
            row.put("plan_sha256", s.planSha256());
            row.put("host", s.host());
            ObjectNode station = StoreJson.mapper().createObjectNode();
            s.stationInfo().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> station.put(e.getKey(), e.getValue()));
            row.put("station_info", station);
            row.put("started_at", s.startedAt().toString());
            row.put("ended_at", s.endedAt() == null ? null : s.endedAt().toString());
            rows.add(row);
        }
        return new TidyTable(columns, rows);
    }

    private static void putDemographics(Map<String, Object> row, String participant, DemographicsLookup demographics) {
        Optional<Demographics> d = participant == null ? Optional.empty() : demographics.lookup().apply(participant);
        row.put("age", d.map(Demographics::age).orElse(null));
        row.put("sex", d.map(Demographics::sex).orElse(null));
        row.put("handedness", d.map(Demographics::handedness).orElse(null));
    }

    /** A network output as a JSON object label → value. */
    static ObjectNode outputObject(ModelOutput output) {
        ObjectNode node = StoreJson.mapper().createObjectNode();
        for (int i = 0; i < output.labels().size(); i++) {
            node.put(output.labels().get(i), output.values().get(i));
        }
        return node;
    }

    /** Monotonic-clock nanoseconds as exact milliseconds. */
    static BigDecimal millis(long nanos) {
        return stripped(BigDecimal.valueOf(nanos).divide(NANOS_PER_MS));
    }

    /** A double in its shortest decimal form (512 rather than 512.0); non-finite values stay doubles. */
    static Object number(double value) {
        return Double.isFinite(value) ? stripped(BigDecimal.valueOf(value)) : (Object) value;
    }

    private static BigDecimal stripped(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
