package org.tandem.data;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import org.tandem.protocols.TandemException;

/**
 * Opens a store so that a damaged file is never taken for an empty one: every existing file is first opened read-only
 * and checked whole ({@link StoreVerifier}); only a healthy one is then opened for writing and migrated. A new database
 * is created only where no file exists ({@link StoreCreation}).
 */
final class StoreOpener {
    private StoreOpener() {
    }

    static Db open(StoreOptions options, boolean forWriting) {
        if (options.onServer()) {
            return ServerStoreOpener.open(options, forWriting);
        }
        StoreLocation location = StoreLocation.of(options.path());
        String password = options.password();
        H2Connector.target(location, password); // refuses a password H2 cannot take, before anything else
        SealFile.Reading seal = SealFile.read(location);
        if (!exists(location)) {
            refuseMissing(location, seal, forWriting);
            StoreCreation.create(location, password);
            seal = SealFile.read(location);
        }
        Connection reading = H2Connector.connect(location, password, true, seal);
        IntegrityReport report = StoreVerifier.verify(reading, seal, StoreVerifier.Depth.OPEN);
        if (!report.clean() || report.newerSchema()) {
            closeQuietly(reading);
            if (report.newerSchema()) {
                throw new TandemException(location.dbFile() + " was written by a newer Tandem (schema version "
                        + report.schemaVersion() + "; this one knows up to " + StoreVerifier.LATEST_SCHEMA
                        + "); open it with that version");
            }
            throw StoreErrors.damaged(location.dbFile(), report.problems().get(0), null);
        }
        if (!forWriting) {
            return new Db(reading, location, null);
        }
        closeQuietly(reading);
        return openForWriting(location, password);
    }

    private static Db openForWriting(StoreLocation location, String password) {
        Connection connection = H2Connector.connect(location, password, false, SealFile.read(location));
        try {
            OwnerOnlyFiles.restrictStoreFiles(location);
            Migrations.migrate(H2Connector.target(location, password), location);
            StoreState state = StoreState.read(connection);
            connection.commit();
            StoreSeal seal = new StoreSeal(state.databaseId(), state.writes(),
                    StoreSeal.passwordCheck(state.databaseId(), password));
            Db db = new Db(connection, location, new Sealer(SealFile.open(location), seal));
            db.write("the opening of the store", c -> null); // brings a missing or lagging seal up to date
            OwnerOnlyFiles.restrictStoreFiles(location);
            return db;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw StoreErrors.writeFailure("open " + location.dbFile() + " for writing", e);
        }
    }

    /** A file of zero bytes holds nothing: it is what an interrupted creation leaves. */
    private static boolean exists(StoreLocation location) {
        try {
            return Files.exists(location.dbFile()) && Files.size(location.dbFile()) > 0;
        } catch (IOException e) {
            throw new TandemException("cannot read " + location.dbFile() + " (" + e.getMessage()
                    + "); check that you own it", e);
        }
    }

    private static void refuseMissing(StoreLocation location, SealFile.Reading seal, boolean forWriting) {
        if (seal instanceof SealFile.Reading.Valid valid && valid.seal().writes() > 0) {
            if (Files.exists(location.dbFile())) {
                throw StoreErrors.damaged(location.dbFile(), "it is empty, but its seal records " + valid.seal().writes()
                        + " committed writes", null);
            }
            throw new TandemException("no database at " + location.dbFile() + ", but its seal " + location.sealFile()
                    + " records " + valid.seal().writes() + " committed writes: if the database was moved, give its path"
                    + " with --db; to start a new database here, move the seal away first");
        }
        if (!forWriting) {
            throw new TandemException("no Tandem database at " + location.dbFile()
                    + "; give the --db your sessions were stored in");
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
    }
}
