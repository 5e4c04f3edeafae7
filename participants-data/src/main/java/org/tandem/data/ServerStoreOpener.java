package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tandem.protocols.TandemException;

/**
 * Opens a store on a lab server. A database with no tables at all is a new store: the migrations build it. One with
 * Tandem's schema is checked as an H2 file is ({@link StoreVerifier}: history complete, every table there), then
 * migrated; one holding other tables is refused and left alone. Several stations may have the same server database
 * open at once: the server serialises their writes (each write transaction also counts itself in {@code store_state}).
 */
final class ServerStoreOpener {
    private ServerStoreOpener() {
    }

    /** A server database with no tables at all: nothing to read yet, and a writing open makes it a store. */
    static final class NoStoreYet extends TandemException {
        NoStoreYet(String message) {
            super(message);
        }
    }

    static Db open(StoreOptions options, boolean forWriting) {
        ServerAddress server = options.server();
        StoreLocation location = StoreLocation.of(options);
        Connection connection = PgConnector.connect(server, options.password(), !forWriting);
        try {
            if (isEmpty(connection)) {
                if (!forWriting) {
                    throw new NoStoreYet("no Tandem store on " + server + " yet (the database is empty); a"
                            + " command that stores sessions creates it");
                }
            } else {
                IntegrityReport report = StoreVerifier.verify(connection, new SealFile.Reading.Absent(),
                        StoreVerifier.Depth.OPEN);
                if (report.newerSchema()) {
                    throw new TandemException(server + " was written by a newer Tandem (schema version "
                            + report.schemaVersion() + "; this one knows up to " + StoreVerifier.LATEST_SCHEMA
                            + "); use that version");
                }
                if (!report.clean()) {
                    throw new TandemException("the database " + server + " is not a healthy Tandem store: "
                            + report.problems().get(0) + "; nothing was changed. Run `tandem db check --db " + server
                            + "` or give another --db");
                }
            }
            if (forWriting) {
                Migrations.migrate(PgConnector.target(server, options.password()), location);
                StoreState.read(connection); // the count of writes is there
                connection.commit();
            }
            return Db.onServer(connection, location, forWriting);
        } catch (SQLException e) {
            throw PgConnector.closedAfter(connection, server, e);
        } catch (RuntimeException e) {
            PgConnector.closeQuietly(connection);
            throw e;
        }
    }

    /** {@code tandem db check} of a server store: every row, plan and trial; an empty database is no store yet. */
    static IntegrityReport check(StoreOptions options) {
        StoreLocation location = StoreLocation.of(options);
        Connection connection = PgConnector.connect(options.server(), options.password(), true);
        try (Db db = Db.onServer(connection, location, false)) {
            if (isEmpty(connection)) {
                throw new NoStoreYet("no Tandem store on " + options.server() + " yet (the database is empty);"
                        + " nothing to check");
            }
            return StoreVerifier.verify(connection, new SealFile.Reading.Absent(), StoreVerifier.Depth.FULL);
        } catch (SQLException e) {
            throw PgConnector.unreachable(e) ? PgConnector.unreachable(options.server(), e)
                    : new TandemException("cannot check " + options.server() + ": " + StoreErrors.reason(e), e);
        }
    }

    /** No table, view or sequence in the connection's schema: nothing anyone made, so nothing to lose. */
    private static boolean isEmpty(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            boolean empty = rs.getLong(1) == 0;
            c.commit();
            return empty;
        }
    }
}
