package org.tandem.data;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.tandem.protocols.TandemException;

/**
 * A lab server database, given as {@code --db postgresql://[user@]host[:port]/database}. The password never appears
 * here: it comes from the environment or a pass file (see {@link PgConnector}), so it is not shown in the process list
 * or in messages.
 *
 * @param host     the server's host name or address
 * @param port     its port (5432 unless given)
 * @param database the database on it
 * @param user     the user named in the address, or null to take it from the environment
 */
public record ServerAddress(String host, int port, String database, String user) {
    public static final String SCHEME = "postgresql://";
    static final int DEFAULT_PORT = 5432;

    /** Whether {@code db} names a server rather than a file. */
    public static boolean isServer(String db) {
        return db != null && db.toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    public static ServerAddress parse(String db) {
        URI uri;
        try {
            uri = new URI(db);
        } catch (URISyntaxException e) {
            throw malformed(db, "it is not a valid address (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw malformed(db, "it names no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw malformed(db, "it names no database (or more than one path part)");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw malformed(db, "Tandem sets the connection's options itself; leave out the '?…' part");
        }
        String user = uri.getUserInfo();
        if (user != null && user.contains(":")) {
            throw new TandemException("--db " + redacted(db) + " contains a password; leave it out of the address and"
                    + " give it in PGPASSWORD, TANDEM_DB_PASSWORD or a pass file (~/.pgpass, or PGPASSFILE)");
        }
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database,
                user == null || user.isEmpty() ? null : user);
    }

    private static TandemException malformed(String db, String why) {
        return new TandemException("--db " + redacted(db) + " is not a usable server address: " + why
                + "; write it as postgresql://host:5432/database (or postgresql://user@host/database)");
    }

    private static String redacted(String db) {
        return db.replaceAll("(?<=//)([^:@/]*):[^@/]*@", "$1:***@");
    }

    /** The driver's URL, without user or password. */
    String jdbcUrl() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host; // an IPv6 address
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database;
    }

    /** How messages name the database: the address as given, without any password. */
    @Override
    public String toString() {
        return SCHEME + (user == null ? "" : user + "@") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port
                + "/" + database;
    }
}
