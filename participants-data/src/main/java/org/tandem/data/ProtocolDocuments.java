package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tandem.protocols.TandemException;

/** The {@code protocol} table: every protocol document a session was planned from, once per content hash. */
final class ProtocolDocuments {
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    private ProtocolDocuments() {
    }

    /** The row id of the document with this hash, stored first if it is new. */
    static long save(Connection c, String protocolId, String json, String sha256) throws SQLException {
        if (protocolId == null || protocolId.isBlank()) {
            throw new TandemException("the protocol id is empty; every protocol file needs an \"id\"");
        }
        if (json == null || json.isBlank()) {
            throw new TandemException("protocol " + protocolId + " has no JSON text to store");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new TandemException("protocol " + protocolId + ": '" + sha256 + "' is not a SHA-256 in lower-case hex");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, protocol_id FROM protocol WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String stored = rs.getString("protocol_id");
                    if (!stored.equals(protocolId)) {
                        throw new TandemException("protocol hash " + sha256 + " is already stored for protocol '" + stored
                                + "', not '" + protocolId + "'; the hash must be computed from the protocol itself");
                    }
                    return rs.getLong("id");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO protocol (protocol_id, json, sha256, stored_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, protocolId);
            ps.setString(2, json);
            ps.setString(3, sha256);
            Sql.setInstant(ps, 4, Sql.now());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                RowChecks.update(c, RowChecks.Table.PROTOCOL, id);
                return id;
            }
        }
    }

    /** The JSON text of the document with this hash; empty when none is stored. */
    static Optional<String> json(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM protocol WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString("json")) : Optional.empty();
            }
        }
    }
}
