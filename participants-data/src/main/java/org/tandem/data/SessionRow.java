package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tandem.protocols.TandemException;

/** The facts about a session that writes check before touching it. */
record SessionRow(String sessionId, SessionStatus status, int trialCount, String planSha256) {

    /** The session, or a clear error when the store has none with this id. */
    static SessionRow find(Connection c, String sessionId, StoreLocation location) throws SQLException {
        if (sessionId == null || sessionId.isBlank()) {
            throw new TandemException("no session id given; pass the id of a stored session");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, trial_count, plan_sha256 FROM session WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new TandemException("no session '" + sessionId + "' in " + location.name()
                            + "; check the session id against the list of stored sessions");
                }
                return new SessionRow(sessionId, SessionStatus.fromCode(rs.getString("status")), rs.getInt("trial_count"),
                        rs.getString("plan_sha256"));
            }
        }
    }

    static int recordedTrials(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM trial WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
