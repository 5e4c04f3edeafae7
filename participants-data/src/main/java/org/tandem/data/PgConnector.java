package org.tandem.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.jdbcurlresolver.PgPassParser;
import org.tandem.protocols.TandemException;

/**
 * Connects to a lab server's PostgreSQL database and turns its failures into messages a user can act on.
 *
 * <p>The user is the one in the address, else {@code PGUSER}, else the account's name; the password is the one given
 * ({@code --db-password} or {@code TANDEM_DB_PASSWORD}), else {@code PGPASSWORD}, else the matching line of the pass file
 * ({@code PGPASSFILE}, else {@code ~/.pgpass}), as PostgreSQL's own tools take them. The driver uses TLS whenever the
 * server offers it ({@code sslmode=prefer}).
 *
 * <p>Durability: every connection asks for {@code synchronous_commit=on} and reads it back, so a commit returns only
 * once the server has flushed it to its write-ahead log: that is the moment a trial is durable, as the fsync is for an H2
 * file. A server where a client cannot have that is refused. Time-outs keep a dropped network from hanging a command:
 * connecting gives up after 10 s, a read after 60 s.
 */
final class PgConnector {
    /** REGEXP_LIKE in the schema's checks and SQL's MERGE arrived in PostgreSQL 15. */
    static final int MINIMUM_MAJOR_VERSION = 15;

    private PgConnector() {
    }

    static H2Connector.Target target(ServerAddress server, String password) {
        String user = server.user() != null ? server.user() : environment("PGUSER", System.getProperty("user.name"));
        String resolved = password != null ? password : environment("PGPASSWORD", null);
        if (resolved == null) {
            resolved = PgPassParser.getPassword(server.host(), String.valueOf(server.port()), server.database(), user);
        }
        return new H2Connector.Target(server.jdbcUrl(), user, resolved);
    }

    static Connection connect(ServerAddress server, String password, boolean readOnly) {
        H2Connector.Target target = target(server, password);
        Properties info = new Properties();
        info.setProperty("user", target.user());
        if (target.password() != null) {
            info.setProperty("password", target.password());
        }
        info.setProperty("options", "-c synchronous_commit=on");
        info.setProperty("ApplicationName", "tandem");
        info.setProperty("connectTimeout", "10");
        info.setProperty("socketTimeout", "60");
        info.setProperty("tcpKeepAlive", "true");
        Connection connection;
        try {
            connection = DriverManager.getConnection(target.url(), info);
        } catch (SQLException e) {
            throw translate(e, server, target.user(), target.password() != null);
        }
        try {
            refuseUnsuitable(connection, server);
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            return connection;
        } catch (SQLException e) {
            throw closedAfter(connection, server, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Closes a connection that failed while being set up, and gives the failure to report: the server out of reach, or
     * what it said.
     */
    static TandemException closedAfter(Connection connection, ServerAddress server, SQLException e) {
        closeQuietly(connection);
        return unreachable(e) ? unreachable(server, e)
                : new TandemException("cannot open " + server + ": " + StoreErrors.reason(e), e);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the first failure is the one to report
        }
    }

    private static void refuseUnsuitable(Connection connection, ServerAddress server) throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        if (major < MINIMUM_MAJOR_VERSION) {
            throw new TandemException(server + " runs PostgreSQL " + major + "; Tandem needs " + MINIMUM_MAJOR_VERSION
                    + " or newer");
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            String value = rs.getString(1);
            if (!"on".equals(value) && !"remote_apply".equals(value) && !"remote_write".equals(value)) {
                throw new TandemException(server + " does not commit synchronously (synchronous_commit is " + value
                        + "), so a committed trial could be lost; set synchronous_commit = on for the Tandem user");
            }
        }
    }

    /** Whether a failure is the server being out of reach (rather than a refusal the same again would meet). */
    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return e.getSQLState() != null && (e.getSQLState().startsWith("57P")); // the server shut down
    }

    private static TandemException translate(SQLException e, ServerAddress server, String user, boolean hadPassword) {
        String state = String.valueOf(e.getSQLState());
        if (state.equals("28P01") || state.equals("28000")) {
            return new TandemException("the server " + server + " refused user " + user + " ("
                    + H2Connector.firstLine(e) + ")" + (hadPassword ? "" : "; no password was found: give it in"
                    + " PGPASSWORD, TANDEM_DB_PASSWORD or a pass file (~/.pgpass, or PGPASSFILE)"), e);
        }
        if (state.equals("3D000")) {
            return new TandemException("the server has no database " + server.database() + " (" + server
                    + "); create it first (see docs/LAB-SERVER.md) or give another --db", e);
        }
        if (unreachable(e)) {
            return unreachable(server, e);
        }
        return new TandemException("cannot open " + server + ": " + H2Connector.firstLine(e), e);
    }

    static TandemException unreachable(ServerAddress server, SQLException e) {
        return new TandemException("cannot reach the lab server " + server + " (" + H2Connector.firstLine(e)
                + "); check that it is running and reachable, or store into a local --db and `tandem db push` later", e);
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
