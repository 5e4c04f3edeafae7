package org.tandem.data;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;

/**
 * Brings the schema up to date with the Flyway migrations: SQL in {@code db/migration}, Java ones listed here. Runs only on
 * a store that has passed {@link StoreVerifier}, or on a new one: never over one whose history is missing.
 *
 * <p>The SQL is shared by H2 and PostgreSQL ({@code db/migration/common}) except where the two spell a type differently
 * ({@code db/migration/h2}, {@code db/migration/postgresql}; see {@link Dialect#migrationLocations()}).
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    static void migrate(H2Connector.Target target, StoreLocation location) {
        try {
            MigrateResult result = configure(target.url(), target.user(), target.password()).load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database {}: schema migrated to version {}", location.name(), result.targetSchemaVersion);
            }
        } catch (FlywayValidateException e) {
            throw new TandemException("cannot bring the schema of " + location.name() + " up to date ("
                    + StoreErrors.reason(e) + "); it may have been written by a newer Tandem, use that version or"
                    + " another --db", e);
        } catch (FlywayException e) {
            if (StoreErrors.diskFull(e)) {
                throw StoreErrors.writeFailure("bring the schema of " + location.name() + " up to date", e);
            }
            if (location.onServer()) {
                throw new TandemException("cannot bring the schema of " + location.name() + " up to date ("
                        + StoreErrors.reason(e) + "); nothing was changed", e);
            }
            // the whole-file check passed, yet H2 cannot commit in it: damage that only writing meets
            throw StoreErrors.damaged(location.dbFile(), "its schema cannot be brought up to date ("
                    + StoreErrors.reason(e) + ")", e);
        }
    }

    /** Migrates a database up to {@code version} only: the reference schemas of {@link SchemaFingerprint}. */
    static void migrate(String url, String user, String password, int version) {
        configure(url, user, password).target(MigrationVersion.fromVersion(String.valueOf(version))).load().migrate();
    }

    private static FluentConfiguration configure(String url, String user, String password) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(url, user, password)
                .locations(url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL.migrationLocations()
                        : Dialect.H2.migrationLocations())
                .javaMigrations(new RowChecksMigration(), new PredictionChecksMigration())
                .failOnMissingLocations(true);
    }
}
