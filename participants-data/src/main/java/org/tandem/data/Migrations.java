package org.tandem.data;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;

/** Brings the schema up to date with the Flyway migrations in {@code db/migration}. */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    static void migrate(H2Connector.Target target, StoreLocation location) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(target.url(), target.user(), target.password())
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database {}: schema migrated to version {}", location.dbFile(), result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new TandemException("cannot bring the schema of " + location.dbFile() + " up to date ("
                    + H2Connector.firstLine(e) + "); it may have been written by a newer Tandem, use that version or"
                    + " another --db", e);
        }
    }
}
