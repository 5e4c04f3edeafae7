package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.StationEvent;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/** Writes one answered trial, after checking that it is the planned trial and not yet recorded. */
final class TrialWriter {
    /** SQL's state for a unique constraint broken, the same in H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";
    private static final String INSERT = "INSERT INTO trial (session_id, plan_index, trial_id, block, practice, levels,"
            + " stimuli, correct_answer, response, correct, rt_ms, onset_ns, offset_ns, frames_requested, frames_shown,"
            + " missed_frames, missed_flag, output, recorded_at, presentation)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CHECKED = INSERT.replace(", presentation)", ", presentation, row_check)")
            .replace("?, ?)", "?, ?, ?)");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrialWriter.class);

    private final StoreLocation location;
    private final StoredPlans plans;
    /** The trial table's columns, read once: what a row's check is computed over. */
    private List<RowChecks.Column> columns;

    TrialWriter(StoreLocation location, StoredPlans plans) {
        this.location = location;
        this.plans = plans;
    }

    void commit(Connection c, String sessionId, Trial trial, Response response) throws SQLException {
        commitAll(c, sessionId, List.of(new AnsweredTrial(trial, response)));
    }

    /**
     * Writes answered trials of one session in the caller's transaction; for several, as one {@link TrialBlock}. Every
     * trial is checked against the stored plan first, so none is written if one is wrong.
     */
    void commitAll(Connection c, String sessionId, List<AnsweredTrial> answered) throws SQLException {
        if (answered.size() > 1) {
            commitBlock(c, TrialBlock.of(sessionId, answered, columns(c)));
            return;
        }
        Trial trial = answered.get(0).trial();
        checkPlanned(c, sessionId, answered);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, TrialBlock.row(sessionId, trial, answered.get(0).response()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw refusal(e, sessionId, trial);
        }
        RowChecks.update(c, RowChecks.Table.TRIAL, sessionId, trial.index());
        recordStationEvents(c, sessionId, answered);
    }

    /**
     * Writes a prepared block in the caller's transaction: one batch of inserts, each row with its check computed from
     * the values written (instead of an update per row after), then read back and confirmed.
     */
    void commitBlock(Connection c, TrialBlock block) throws SQLException {
        String sessionId = block.sessionId();
        checkPlanned(c, sessionId, block.answered());
        refuseRecorded(c, sessionId, block.answered(), block.from(), block.to());
        try (PreparedStatement ps = c.prepareStatement(INSERT_CHECKED)) {
            for (int i = 0; i < block.rows().size(); i++) {
                Map<String, Object> row = block.rows().get(i);
                bind(ps, row);
                ps.setString(row.size() + 1, block.checks().get(block.answered().get(i).trial().index()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw refusal(e, sessionId, block.answered().get(0).trial());
        }
        int reset = RowChecks.confirmTrials(c, sessionId, block.from(), block.to(), block.checks());
        if (reset > 0) {
            LOG.warn("{} trial checks of session {} read back otherwise than written; set from the stored rows", reset,
                    sessionId);
        }
        recordStationEvents(c, sessionId, block.answered());
    }

    /** The trial table's columns, read once: what a row's check is computed over. */
    synchronized List<RowChecks.Column> columns(Connection c) throws SQLException {
        if (columns == null) {
            columns = RowChecks.columns(c, RowChecks.Table.TRIAL);
        }
        return columns;
    }

    /** The columns if already read, else null. */
    synchronized List<RowChecks.Column> knownColumns() {
        return columns;
    }

    /** The session must be running, and every trial the one its stored plan has at that index. */
    private void checkPlanned(Connection c, String sessionId, List<AnsweredTrial> answered) throws SQLException {
        SessionRow session = SessionRow.find(c, sessionId, location);
        switch (session.status()) {
            case COMPLETED -> throw new TandemException("session " + sessionId + " is completed; it takes no more trials"
                    + " (start a new session instead)");
            case ABORTED -> throw new TandemException("session " + sessionId + " was aborted; resume it before recording"
                    + " trial " + answered.get(0).trial().index());
            case RUNNING -> {
            }
        }
        TrialPlan plan = plans.of(c, sessionId);
        for (AnsweredTrial trial : answered) {
            checkPlanned(plan, sessionId, trial.trial());
        }
    }

    private static void recordStationEvents(Connection c, String sessionId, List<AnsweredTrial> answered)
            throws SQLException {
        for (AnsweredTrial trial : answered) {
            if (trial.response().presentation() != null) {
                for (StationEvent event : trial.response().presentation().events()) {
                    SessionLifecycle.event(c, sessionId, event.kind(), trialEventDetail(trial.trial().index(), event));
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Map<String, Object> row) throws SQLException {
        int i = 1;
        for (Object value : row.values()) {
            if (value instanceof java.time.Instant instant) {
                Sql.setInstant(ps, i, instant);
            } else if (value == null) {
                ps.setNull(i, java.sql.Types.NULL);
            } else {
                ps.setObject(i, value);
            }
            i++;
        }
    }

    /** A batch names no row when it fails, so a trial already stored is found (and named) before the batch runs. */
    private static void refuseRecorded(Connection c, String sessionId, List<AnsweredTrial> answered, int from, int to)
            throws SQLException {
        java.util.Set<Integer> recorded = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_index FROM trial WHERE session_id = ?"
                + " AND plan_index BETWEEN ? AND ?")) {
            ps.setString(1, sessionId);
            ps.setInt(2, from);
            ps.setInt(3, to);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getInt(1));
                }
            }
        }
        for (AnsweredTrial trial : answered) {
            if (recorded.contains(trial.trial().index())) {
                throw alreadyRecorded(sessionId, trial.trial(), null);
            }
        }
    }

    private static RuntimeException refusal(SQLException e, String sessionId, Trial trial) throws SQLException {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (DUPLICATE_KEY.equals(cause.getSQLState()) && String.valueOf(cause.getMessage())
                    .toUpperCase(java.util.Locale.ROOT).contains("TRIAL_SESSION_TRIAL_ID")) {
                throw new TandemException("trial id " + trial.id() + " is already recorded in session " + sessionId
                        + " under another plan index; the stored plan repeats a trial id, re-plan the protocol", e);
            }
            if (DUPLICATE_KEY.equals(cause.getSQLState())) {
                throw alreadyRecorded(sessionId, trial, e);
            }
        }
        throw e;
    }

    private static TandemException alreadyRecorded(String sessionId, Trial trial, SQLException cause) {
        return new TandemException("trial " + trial.index() + " (" + trial.id() + ") of session " + sessionId
                + " is already recorded; a trial is stored once, resume the session to continue at its first"
                + " missing trial", cause);
    }

    /** A station event's detail: the trial it belongs to, its time on the flip clock and what it was. */
    private static String trialEventDetail(int trialIndex, StationEvent event) {
        com.fasterxml.jackson.databind.node.ObjectNode detail = StoreJson.mapper().createObjectNode()
                .put("trial", trialIndex)
                .put("nanos", event.nanos());
        if (event.detail() != null) {
            detail.put("detail", event.detail());
        }
        return StoreJson.write(detail);
    }

    private static void checkPlanned(TrialPlan plan, String sessionId, Trial trial) {
        if (trial.index() < 0 || trial.index() >= plan.size()) {
            throw new TandemException("trial index " + trial.index() + " is outside the plan of session " + sessionId
                    + " (" + plan.size() + " trials); commit only trials of the session's stored plan");
        }
        Trial planned = plan.trial(trial.index());
        if (!planned.id().equals(trial.id())) {
            throw new TandemException("trial " + trial.index() + " of session " + sessionId + " is '" + planned.id()
                    + "' in the stored plan, not '" + trial.id() + "'; commit only trials of the session's stored plan");
        }
        if (!planned.equals(trial)) {
            throw new TandemException("trial " + trial.index() + " (" + trial.id() + ") differs from the stored plan of"
                    + " session " + sessionId + "; run the trials of the stored plan (resume the session to get it)");
        }
    }
}
