package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one row of {@code store_state}: the database's id and how many write transactions it has committed. Every write
 * of the store increments the count in the same transaction, so the count a file holds says how recent it is; the
 * {@link StoreSeal} beside the file keeps the count that was last made durable.
 */
record StoreState(String databaseId, long writes) {

    static StoreState read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT database_id, writes FROM store_state");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("store_state has no row");
            }
            StoreState state = new StoreState(rs.getString(1).strip(), rs.getLong(2));
            if (rs.next()) {
                throw new SQLException("store_state has more than one row");
            }
            return state;
        }
    }

    /**
     * Counts one more write transaction; returns the new count. Part of the caller's transaction: on a server its row
     * lock also orders the write transactions of several stations.
     */
    static long increment(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Dialect.of(c) == Dialect.H2
                ? "SELECT writes FROM FINAL TABLE (UPDATE store_state SET writes = writes + 1)"
                : "UPDATE store_state SET writes = writes + 1 RETURNING writes");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("store_state has no row");
            }
            return rs.getLong(1);
        }
    }
}
