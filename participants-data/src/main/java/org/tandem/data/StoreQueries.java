package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

/** Reading sessions, trials and events back. Trials are rebuilt from the session's verified plan plus the stored answer. */
final class StoreQueries {
    private static final String SESSION_FROM = " FROM session s"
            + " JOIN study st ON st.id = s.study_id"
            + " JOIN protocol p ON p.id = s.protocol_ref"
            + " LEFT JOIN participant pa ON pa.id = s.participant_id";
    private static final String ORDER = " ORDER BY s.started_at, s.session_id";

    private StoreQueries() {
    }

    /** A filter as SQL conditions and their parameters. */
    private record Where(String sql, List<String> params) {
        static Where of(SessionFilter filter) {
            List<String> conditions = new ArrayList<>();
            List<String> params = new ArrayList<>();
            if (filter.study() != null) {
                conditions.add("st.name = ?");
                params.add(filter.study());
            }
            if (filter.protocolId() != null) {
                conditions.add("p.protocol_id = ?");
                params.add(filter.protocolId());
            }
            if (filter.sessionId() != null) {
                conditions.add("s.session_id = ?");
                params.add(filter.sessionId());
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
        }
    }

    static List<SessionSummary> sessions(Connection c, SessionFilter filter) throws SQLException {
        Where where = Where.of(filter);
        String sql = "SELECT s.session_id, st.name AS study, p.protocol_id, p.sha256 AS protocol_sha256, s.variant,"
                + " s.observer_kind, s.observer_id, pa.code AS participant, s.seed, s.status,"
                + " (SELECT COUNT(*) FROM trial t WHERE t.session_id = s.session_id) AS trials_done, s.trial_count,"
                + " s.plan_sha256, s.host, s.station_info, s.started_at, s.ended_at"
                + SESSION_FROM + where.sql() + ORDER;
        List<SessionSummary> sessions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.add(new SessionSummary(rs.getString("session_id"), rs.getString("study"),
                            rs.getString("protocol_id"), rs.getString("protocol_sha256"), rs.getString("variant"),
                            ObserverKind.fromCode(rs.getString("observer_kind")), rs.getString("observer_id"),
                            rs.getString("participant"), rs.getLong("seed"), SessionStatus.fromCode(rs.getString("status")),
                            rs.getInt("trials_done"), rs.getInt("trial_count"), rs.getString("plan_sha256"),
                            rs.getString("host"), StoreJson.stringMap(rs.getString("station_info")),
                            Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at")));
                }
            }
        }
        return sessions;
    }

    static SessionSummary summary(Connection c, String sessionId, StoreLocation location) throws SQLException {
        List<SessionSummary> found = sessions(c, SessionFilter.session(sessionId));
        if (found.isEmpty()) {
            throw new TandemException("no session '" + sessionId + "' in " + location.name()
                    + "; check the session id against the list of stored sessions");
        }
        return found.get(0);
    }

    static List<TrialRecord> trials(Connection c, SessionFilter filter, StoreLocation location) throws SQLException {
        Where where = Where.of(filter);
        String sql = "SELECT s.session_id, st.name AS study, p.protocol_id, s.variant, s.observer_kind, s.observer_id,"
                + " pa.code AS participant, s.seed, t.plan_index, t.trial_id, t.response, t.correct, t.rt_ms, t.onset_ns,"
                + " t.offset_ns, t.frames_requested, t.frames_shown, t.missed_frames, t.output, t.recorded_at,"
                + (hasPresentation(c) ? " t.presentation" : " NULL AS presentation")
                + SESSION_FROM + " JOIN trial t ON t.session_id = s.session_id" + where.sql() + ORDER + ", t.plan_index";
        Map<String, TrialPlan> plans = new HashMap<>();
        List<TrialRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                TrialRecord.SessionFacts facts = null;
                while (rs.next()) {
                    String sessionId = rs.getString("session_id");
                    if (facts == null || !facts.sessionId().equals(sessionId)) {
                        facts = new TrialRecord.SessionFacts(sessionId, rs.getString("study"), rs.getString("protocol_id"),
                                rs.getString("variant"), ObserverKind.fromCode(rs.getString("observer_kind")),
                                rs.getString("observer_id"), rs.getString("participant"), rs.getLong("seed"));
                    }
                    TrialPlan plan = plans.get(sessionId);
                    if (plan == null) {
                        plan = StoredPlans.load(c, sessionId, location);
                        plans.put(sessionId, plan);
                    }
                    records.add(record(rs, facts, plan, location));
                }
            }
        }
        return records;
    }

    private static TrialRecord record(ResultSet rs, TrialRecord.SessionFacts facts, TrialPlan plan, StoreLocation location)
            throws SQLException {
        int index = rs.getInt("plan_index");
        String trialId = rs.getString("trial_id");
        if (index >= plan.size() || !plan.trial(index).id().equals(trialId)) {
            throw new TandemException("trial " + index + " (" + trialId + ") of session " + facts.sessionId() + " in "
                    + location.name() + " is not in the session's stored plan; the database was altered");
        }
        Trial trial = plan.trial(index);
        Long onset = Sql.nullableLong(rs, "onset_ns");
        FrameTiming timing = onset == null ? null : new FrameTiming(onset, rs.getLong("offset_ns"),
                rs.getInt("frames_requested"), rs.getInt("frames_shown"), rs.getInt("missed_frames"));
        String outputJson = rs.getString("output");
        ModelOutput output = outputJson == null ? null : StoreJson.output(outputJson);
        String presentationJson = rs.getString("presentation");
        Response response = new Response(rs.getString("response"), Sql.nullableDouble(rs, "rt_ms"), timing, output,
                presentationJson == null ? null : PresentationJson.read(presentationJson));
        return new TrialRecord(facts, trial, response, Sql.nullableBoolean(rs, "correct"), Sql.instant(rs, "recorded_at"));
    }

    /** Whether the trial table has schema version 3's presentation column (a store opened read-only stays older). */
    static boolean hasPresentation(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND UPPER(table_name) = 'TRIAL'"
                + " AND UPPER(column_name) = 'PRESENTATION'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    static List<SessionEvent> events(Connection c, String sessionId) throws SQLException {
        List<SessionEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, session_id, at, kind, detail FROM event WHERE session_id = ? ORDER BY id")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new SessionEvent(rs.getLong("id"), rs.getString("session_id"), Sql.instant(rs, "at"),
                            rs.getString("kind"), rs.getString("detail")));
                }
            }
        }
        return events;
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Fails with the known names when a filter names a study, protocol or session the store does not have. */
    static void checkFilterNamesExist(Connection c, SessionFilter filter, StoreLocation location) throws SQLException {
        if (filter.study() != null) {
            List<String> studies = strings(c, "SELECT name FROM study ORDER BY name");
            if (!studies.contains(filter.study())) {
                throw new TandemException("no study '" + filter.study() + "' in " + location.name() + "; stored studies: "
                        + (studies.isEmpty() ? "none" : String.join(", ", studies)));
            }
        }
        if (filter.protocolId() != null) {
            List<String> protocols = strings(c, "SELECT DISTINCT protocol_id FROM protocol ORDER BY protocol_id");
            if (!protocols.contains(filter.protocolId())) {
                throw new TandemException("no protocol '" + filter.protocolId() + "' in " + location.name()
                        + "; stored protocols: " + (protocols.isEmpty() ? "none" : String.join(", ", protocols)));
            }
        }
        if (filter.sessionId() != null) {
            SessionRow.find(c, filter.sessionId(), location);
        }
    }
}
