package org.tandem.data;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 5: the checks of prediction rows computed again with each vector's bytes in hex
 * ({@link RowChecks#of(java.sql.ResultSet, int)}). Version 4 took a vector as H2's text of it, in which every byte that is
 * not UTF-8 reads as the same replacement character, so a changed byte could keep its row's check. No table changes.
 */
final class PredictionChecksMigration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "prediction checks over the vectors' bytes";
    }

    /** Fixed: Flyway compares it with the checksum recorded when the migration ran. */
    @Override
    public Integer getChecksum() {
        return 5;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        RowChecks.updateAll(context.getConnection(), RowChecks.Table.PREDICTION);
    }
}
