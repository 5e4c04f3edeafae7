package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Brings a source store's kept predictions into the target: those the target does not hold are copied with a new row
 * check; one it holds already stays as it is (the same network and image give the same prediction, up to the last
 * float bit when computed apart, and a database answers from the one it kept first).
 */
final class PredictionMerge {
    private static final String FIND = "SELECT 1 FROM prediction WHERE network_sha256 = ? AND stimulus_sha256 = ?";
    private static final String INSERT = "INSERT INTO prediction (network_sha256, stimulus_sha256, network, vector,"
            + " computed_at) VALUES (?, ?, ?, ?, ?)";

    private PredictionMerge() {
    }

    /** @return how many predictions the target lacked (and, when {@code write}, now holds) */
    static int copy(Connection source, Connection target, boolean write) throws SQLException {
        if (!hasPredictions(source) || !hasPredictions(target)) {
            return 0;
        }
        int missing = 0;
        try (PreparedStatement rows = source.prepareStatement("SELECT network_sha256, stimulus_sha256, network,"
                + " vector, computed_at FROM prediction ORDER BY network_sha256, stimulus_sha256");
             PreparedStatement find = target.prepareStatement(FIND);
             PreparedStatement insert = target.prepareStatement(INSERT);
             ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                find.setString(1, rs.getString(1));
                find.setString(2, rs.getString(2));
                try (ResultSet found = find.executeQuery()) {
                    if (found.next()) {
                        continue;
                    }
                }
                missing++;
                if (write) {
                    for (int i = 1; i <= 5; i++) {
                        insert.setObject(i, rs.getObject(i));
                    }
                    insert.executeUpdate();
                    RowChecks.update(target, RowChecks.Table.PREDICTION, rs.getString(1), rs.getString(2));
                }
            }
        }
        return missing;
    }

    /** Stores of schema version 4 and later keep predictions. */
    private static boolean hasPredictions(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND UPPER(table_name) = 'PREDICTION'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
