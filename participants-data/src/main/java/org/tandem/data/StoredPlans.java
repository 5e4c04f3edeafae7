package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.TrialPlan;

/**
 * Reads the plan stored with a session and checks it against its SHA-256 before anything runs from it. A session's plan
 * never changes, so a verified plan is kept for the next trial commit.
 */
final class StoredPlans {
    private final StoreLocation location;
    private final Map<String, TrialPlan> verified = new HashMap<>();

    StoredPlans(StoreLocation location) {
        this.location = location;
    }

    /** Only called under the store's lock. */
    TrialPlan of(Connection c, String sessionId) throws SQLException {
        TrialPlan plan = verified.get(sessionId);
        if (plan == null) {
            plan = load(c, sessionId, location);
            verified.put(sessionId, plan);
        }
        return plan;
    }

    void remember(String sessionId, TrialPlan plan) {
        verified.put(sessionId, plan);
    }

    static TrialPlan load(Connection c, String sessionId, StoreLocation location) throws SQLException {
        String json;
        String sha256;
        int trialCount;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT plan_json, plan_sha256, trial_count FROM session WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new TandemException("no session '" + sessionId + "' in " + location.name()
                            + "; check the session id against the list of stored sessions");
                }
                json = rs.getString("plan_json");
                sha256 = rs.getString("plan_sha256");
                trialCount = rs.getInt("trial_count");
            }
        }
        String actual = CanonicalJson.sha256(json);
        if (!actual.equals(sha256)) {
            throw new TandemException("the stored plan of session " + sessionId + " in " + location.name()
                    + " does not match its SHA-256 (stored " + sha256 + ", computed " + actual
                    + "); the database was altered, restore it from a backup");
        }
        TrialPlan plan;
        try {
            plan = TrialPlan.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new TandemException("the stored plan of session " + sessionId + " in " + location.name()
                    + " cannot be read (" + e.getMessage() + "); use the Tandem version that started the session", e);
        }
        if (plan.size() != trialCount) {
            throw new TandemException("the stored plan of session " + sessionId + " has " + plan.size()
                    + " trials but the session row says " + trialCount + "; the database was altered");
        }
        return plan;
    }
}
