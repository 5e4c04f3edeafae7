package org.tandem.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.TrialPlan;

/** Starting, resuming and finishing sessions, and the events they leave behind. */
final class SessionLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);
    static final int MAX_KIND = 64;

    private final StoreLocation location;
    private final StoredPlans plans;

    SessionLifecycle(StoreLocation location, StoredPlans plans) {
        this.location = location;
        this.plans = plans;
    }

    String start(Connection c, NewSession s) throws SQLException {
        return start(c, s, PlanText.of(s.plan()), UUID.randomUUID().toString());
    }

    /**
     * @param text      the session's plan as stored, made before the transaction
     * @param sessionId the new session's id, a random UUID
     */
    String start(Connection c, NewSession s, PlanText text, String sessionId) throws SQLException {
        TrialPlan plan = s.plan();
        checkAgreesWithPlan(s, plan);
        if (s.observerId() == null || s.observerId().isBlank()) {
            throw new TandemException("the observer id is empty; name the station or model that answers the session");
        }
        Long participantId = null;
        if (s.observerKind() == ObserverKind.HUMAN) {
            if (s.participantCode() == null) {
                throw new TandemException("a human session needs a participant code (e.g. --participant P017)");
            }
            participantId = Participants.ensure(c, s.participantCode(), null);
        } else if (s.participantCode() != null) {
            throw new TandemException("model session for " + s.observerId() + " was given participant code '"
                    + s.participantCode() + "'; model sessions have no participant, leave it out");
        }
        long studyId = Studies.ensure(c, s.study());
        long protocolRef = ProtocolDocuments.save(c, s.protocolId(), s.protocolJson(), s.protocolSha256());
        Map<String, String> station = StationInfo.collect(s.stationInfo());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session (session_id, study_id, protocol_ref,"
                + " observer_kind, observer_id, participant_id, seed, variant, plan_json, plan_sha256, trial_count, host,"
                + " station_info, started_at, ended_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
            ps.setString(1, sessionId);
            ps.setLong(2, studyId);
            ps.setLong(3, protocolRef);
            ps.setString(4, s.observerKind().code());
            ps.setString(5, s.observerId().strip());
            Sql.setNullableLong(ps, 6, participantId);
            ps.setLong(7, s.seed());
            ps.setString(8, s.variant());
            ps.setString(9, text.json());
            ps.setString(10, text.sha256());
            ps.setInt(11, plan.size());
            ps.setString(12, StationInfo.hostName());
            ps.setString(13, StoreJson.stringMap(station));
            Sql.setInstant(ps, 14, Sql.now());
            ps.setString(15, SessionStatus.RUNNING.code());
            ps.executeUpdate();
        }
        RowChecks.update(c, RowChecks.Table.SESSION, sessionId);
        ObjectNode detail = StoreJson.mapper().createObjectNode()
                .put("trials", plan.size())
                .put("planSha256", text.sha256());
        event(c, sessionId, "started", StoreJson.write(detail));
        plans.remember(sessionId, plan);
        LOG.info("session {} started: study {}, protocol {}, {} {}, {} trials", sessionId, s.study(), s.protocolId(),
                s.observerKind().code(), s.observerId(), plan.size());
        return sessionId;
    }

    private static void checkAgreesWithPlan(NewSession s, TrialPlan plan) {
        if (plan.size() == 0) {
            throw new TandemException("the plan for protocol " + s.protocolId() + " has no trials; nothing to run");
        }
        if (!plan.protocol().equals(s.protocolId())) {
            throw new TandemException("the plan was made from protocol '" + plan.protocol() + "', not '" + s.protocolId()
                    + "'; plan the session from the protocol it runs");
        }
        if (!plan.protocolSha256().equals(s.protocolSha256())) {
            throw new TandemException("the plan was made from protocol " + plan.protocol() + " with hash "
                    + plan.protocolSha256() + ", not " + s.protocolSha256() + "; re-plan from the protocol file as it is now");
        }
        if (plan.seed() != s.seed()) {
            throw new TandemException("the plan was made with seed " + plan.seed() + ", not " + s.seed()
                    + "; plan the session with the seed it records");
        }
        if (!Objects.equals(plan.variant(), s.variant())) {
            throw new TandemException("the plan was made for variant " + plan.variant() + ", not " + s.variant()
                    + "; plan the session with the variant it records");
        }
    }

    ResumePoint resume(Connection c, String sessionId) throws SQLException {
        SessionRow row = SessionRow.find(c, sessionId, location);
        if (row.status() == SessionStatus.COMPLETED) {
            throw new TandemException("session " + sessionId + " is completed (" + row.trialCount() + " of "
                    + row.trialCount() + " trials recorded) and cannot be resumed; start a new session instead");
        }
        TrialPlan plan = StoredPlans.load(c, sessionId, location); // always re-verified on resume
        plans.remember(sessionId, plan);
        List<Integer> missing = missingIndices(c, sessionId, plan.size());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE session SET status = ?, ended_at = NULL WHERE session_id = ?")) {
            ps.setString(1, SessionStatus.RUNNING.code());
            ps.setString(2, sessionId);
            ps.executeUpdate();
        }
        RowChecks.update(c, RowChecks.Table.SESSION, sessionId);
        ObjectNode detail = StoreJson.mapper().createObjectNode()
                .put("previousStatus", row.status().code())
                .put("recorded", plan.size() - missing.size())
                .put("missing", missing.size());
        event(c, sessionId, "resumed", StoreJson.write(detail));
        LOG.info("session {} resumed from {}: {} of {} trials missing", sessionId, row.status().code(), missing.size(),
                plan.size());
        return new ResumePoint(StoreQueries.summary(c, sessionId, location), plan, missing);
    }

    static List<Integer> missingIndices(Connection c, String sessionId, int planSize) throws SQLException {
        BitSet recorded = new BitSet(planSize);
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_index FROM trial WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recorded.set(rs.getInt(1));
                }
            }
        }
        List<Integer> missing = new ArrayList<>(planSize - recorded.cardinality());
        for (int i = recorded.nextClearBit(0); i < planSize; i = recorded.nextClearBit(i + 1)) {
            missing.add(i);
        }
        return missing;
    }

    void finish(Connection c, String sessionId, SessionStatus status) throws SQLException {
        Objects.requireNonNull(status, "status");
        if (status == SessionStatus.RUNNING) {
            throw new IllegalArgumentException("a session is finished as completed or aborted, not running");
        }
        SessionRow row = SessionRow.find(c, sessionId, location);
        if (row.status() == SessionStatus.COMPLETED) {
            throw new TandemException("session " + sessionId + " is already completed; a completed session is final");
        }
        int recorded = SessionRow.recordedTrials(c, sessionId);
        if (status == SessionStatus.COMPLETED && recorded < row.trialCount()) {
            throw new TandemException("session " + sessionId + " cannot be completed: " + recorded + " of "
                    + row.trialCount() + " planned trials are recorded; resume it to run the rest, or finish it as aborted");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE session SET status = ?, ended_at = ? WHERE session_id = ?")) {
            ps.setString(1, status.code());
            Sql.setInstant(ps, 2, Sql.now());
            ps.setString(3, sessionId);
            ps.executeUpdate();
        }
        RowChecks.update(c, RowChecks.Table.SESSION, sessionId);
        ObjectNode detail = StoreJson.mapper().createObjectNode()
                .put("status", status.code())
                .put("recorded", recorded)
                .put("planned", row.trialCount());
        event(c, sessionId, "finished", StoreJson.write(detail));
        LOG.info("session {} {} with {} of {} trials", sessionId, status.code(), recorded, row.trialCount());
    }

    void recordEvent(Connection c, String sessionId, String kind, String detailJson) throws SQLException {
        SessionRow.find(c, sessionId, location);
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
            throw new TandemException("event kind '" + kind + "' is not valid; use a short name of 1 to " + MAX_KIND
                    + " characters (e.g. break)");
        }
        event(c, sessionId, kind.strip(), StoreJson.checked(detailJson, "the detail of event '" + kind + "'"));
    }

    /** Writes an event row with its check, in the caller's transaction (the trial writer stores a trial's events so). */
    static void event(Connection c, String sessionId, String kind, String detailJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO event (session_id, at, kind, detail) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, sessionId);
            Sql.setInstant(ps, 2, Sql.now());
            ps.setString(3, kind);
            ps.setString(4, detailJson);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                RowChecks.update(c, RowChecks.Table.EVENT, keys.getLong(1));
            }
        }
    }
}
