package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.ErrorCode;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.StationEvent;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

/** Writes one answered trial, after checking that it is the planned trial and not yet recorded. */
final class TrialWriter {
    private static final String INSERT = "INSERT INTO trial (session_id, plan_index, trial_id, block, practice, levels,"
            + " stimuli, correct_answer, response, correct, rt_ms, onset_ns, offset_ns, frames_requested, frames_shown,"
            + " missed_frames, missed_flag, output, recorded_at, presentation)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final StoreLocation location;
    private final StoredPlans plans;

    TrialWriter(StoreLocation location, StoredPlans plans) {
        this.location = location;
        this.plans = plans;
    }

    void commit(Connection c, String sessionId, Trial trial, Response response) throws SQLException {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(response, "response");
        SessionRow session = SessionRow.find(c, sessionId, location);
        switch (session.status()) {
            case COMPLETED -> throw new TandemException("session " + sessionId + " is completed; it takes no more trials"
                    + " (start a new session instead)");
            case ABORTED -> throw new TandemException("session " + sessionId + " was aborted; resume it before recording"
                    + " trial " + trial.index());
            case RUNNING -> {
            }
        }
        checkPlanned(plans.of(c, sessionId), sessionId, trial);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            FrameTiming timing = response.timing();
            ps.setString(1, sessionId);
            ps.setInt(2, trial.index());
            ps.setString(3, trial.id());
            ps.setString(4, trial.block());
            ps.setBoolean(5, trial.practice());
            ps.setString(6, StoreJson.stringMap(trial.levels()));
            ps.setString(7, StimulusText.of(trial));
            ps.setString(8, trial.correctAnswer());
            ps.setString(9, response.answer());
            Sql.setNullableBoolean(ps, 10, TrialRecord.scoreOf(trial, response));
            Sql.setNullableDouble(ps, 11, response.rtMs());
            Sql.setNullableLong(ps, 12, timing == null ? null : timing.onsetNanos());
            Sql.setNullableLong(ps, 13, timing == null ? null : timing.offsetNanos());
            Sql.setNullableInt(ps, 14, timing == null ? null : timing.framesRequested());
            Sql.setNullableInt(ps, 15, timing == null ? null : timing.framesShown());
            Sql.setNullableInt(ps, 16, timing == null ? null : timing.missedFrames());
            Sql.setNullableBoolean(ps, 17, timing == null ? null : timing.missed());
            ps.setString(18, response.output() == null ? null : StoreJson.output(response.output()));
            Sql.setInstant(ps, 19, Sql.now());
            ps.setString(20, response.presentation() == null ? null : PresentationJson.write(response.presentation()));
            ps.executeUpdate();
            RowChecks.update(c, RowChecks.Table.TRIAL, sessionId, trial.index());
            if (response.presentation() != null) {
                for (StationEvent event : response.presentation().events()) {
                    SessionLifecycle.event(c, sessionId, event.kind(), trialEventDetail(trial.index(), event));
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1
                    && String.valueOf(e.getMessage()).toUpperCase(java.util.Locale.ROOT).contains("TRIAL_SESSION_TRIAL_ID")) {
                throw new TandemException("trial id " + trial.id() + " is already recorded in session " + sessionId
                        + " under another plan index; the stored plan repeats a trial id, re-plan the protocol", e);
            }
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                throw new TandemException("trial " + trial.index() + " (" + trial.id() + ") of session " + sessionId
                        + " is already recorded; a trial is stored once, resume the session to continue at its first"
                        + " missing trial", e);
            }
            throw e;
        }
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
