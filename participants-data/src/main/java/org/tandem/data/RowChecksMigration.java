package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 2: a {@code row_check} in every row ({@link RowChecks}), computed here for the rows a version 1
 * database already holds, and the {@code store_state} row with the database's id and its count of writes
 * ({@link StoreState}). Written in Java because the checks of existing rows are computed by {@link RowChecks}. The column
 * allows null because a writer sets it right after inserting its row, in the same transaction; the verifier counts a
 * null check as a mismatch.
 */
final class RowChecksMigration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "row checks and store state";
    }

    /** Fixed: Flyway compares it with the checksum recorded when the migration ran. */
    @Override
    public Integer getChecksum() {
        return 2;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            for (RowChecks.Table table : RowChecks.Table.at(1)) {
                s.execute("ALTER TABLE " + table.sqlName() + " ADD COLUMN " + RowChecks.COLUMN + " CHARACTER(16)");
            }
            s.execute("CREATE TABLE store_state ("
                    + " id          INTEGER               NOT NULL PRIMARY KEY,"
                    + " database_id CHARACTER VARYING(36) NOT NULL,"
                    + " writes      BIGINT                NOT NULL,"
                    + " CONSTRAINT store_state_one_row CHECK (id = 1),"
                    + " CONSTRAINT store_state_writes CHECK (writes >= 0))");
        }
        for (RowChecks.Table table : RowChecks.Table.at(1)) {
            RowChecks.updateAll(c, table);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO store_state (id, database_id, writes) VALUES (1, ?, 0)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.executeUpdate();
        }
    }
}
