package org.tandem.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.h2.api.ErrorCode;
import org.tandem.protocols.TandemException;

/**
 * Opens the embedded H2 database and turns H2's failures into messages a user can act on.
 *
 * <p>The URL is always {@code jdbc:h2:file:<absolute base path>}: embedded, no server, no AUTO_SERVER, so no port is opened.
 * The settings are:
 * <ul>
 *   <li>{@code FILE_LOCK=FS}: the file is locked by the operating system for as long as it is open, so a second process
 *       fails at once instead of waiting;</li>
 *   <li>{@code WRITE_DELAY=0}: H2 writes each committed transaction to the file on the committing thread before the
 *       commit returns ({@code TransactionStore.endTransaction} stores the MVStore when the auto-commit delay is 0), and
 *       runs no background writer, so no committed change is ever pending in memory or on another thread; the fsync
 *       follows in {@link Db};</li>
 *   <li>{@code MAX_COMPACT_TIME=0}: no file compaction when the database closes. H2 2.3.232's compaction on close trips
 *       its own consistency assertion ({@code RandomAccessStore.moveChunkInside}, h2database issue #4086) and has been
 *       reported to lose recently written data (issue #4247); a store that must never lose a trial does not run it. The
 *       price is a larger file (see the README);</li>
 *   <li>{@code TRACE_LEVEL_FILE=4}: H2 logs through SLF4J instead of writing a {@code .trace.db} file;</li>
 *   <li>{@code CIPHER=AES} when a password is given: the whole file is encrypted.</li>
 * </ul>
 */
final class H2Connector {
    static final String USER = "TANDEM";

    private H2Connector() {
    }

    /** The settings of one open store, for the connection and for Flyway. */
    record Target(String url, String user, String password) {
        @Override
        public String toString() {
            return "Target[url=" + url + "]";
        }
    }

    static Target target(StoreLocation location, String password) {
        return target(location.basePath(), password, false);
    }

    /**
     * @param readOnly opens with {@code ACCESS_MODE_DATA=r}: H2 then writes nothing to the file (its bytes and time stay
     *                 as they were), which is how every store is first checked and how reading commands keep it
     */
    static Target target(java.nio.file.Path basePath, String password, boolean readOnly) {
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(basePath)
                .append(";FILE_LOCK=FS;WRITE_DELAY=0;MAX_COMPACT_TIME=0;TRACE_LEVEL_FILE=4");
        if (readOnly) {
            url.append(";ACCESS_MODE_DATA=r");
        }
        String h2Password = "";
        if (password != null) {
            // H2 takes "<file password> <user password>"; the first space separates them.
            if (password.chars().anyMatch(Character::isWhitespace)) {
                throw new TandemException("the database password contains a space; H2 uses spaces to separate its file and"
                        + " user passwords, so choose a password without spaces (--db-password or TANDEM_DB_PASSWORD)");
            }
            url.append(";CIPHER=AES");
            h2Password = password + " " + password;
        }
        return new Target(url.toString(), USER, h2Password);
    }

    static Connection connect(StoreLocation location, String password) {
        return connect(location, password, false, new SealFile.Reading.Absent());
    }

    /**
     * Connects to an existing database file (or creates one at an empty or missing file, when writing). The seal, where
     * there is one, tells a wrong password from a damaged encrypted file.
     */
    static Connection connect(StoreLocation location, String password, boolean readOnly, SealFile.Reading seal) {
        H2Files.Kind kind = H2Files.kind(location.dbFile());
        switch (kind) {
            case PLAIN -> {
                if (password != null) {
                    throw new TandemException(location.dbFile() + " is not encrypted, but a database password was given;"
                            + " open it without --db-password / TANDEM_DB_PASSWORD, or use another --db");
                }
            }
            case ENCRYPTED -> {
                if (password == null) {
                    throw new TandemException(location.dbFile() + " is encrypted; give its password with --db-password"
                            + " or the TANDEM_DB_PASSWORD environment variable");
                }
                if (seal instanceof SealFile.Reading.Valid valid && !valid.seal().passwordMatches(password)) {
                    throw wrongPassword(location);
                }
            }
            case FOREIGN -> throw new TandemException(location.dbFile() + " is not a Tandem database, or its first"
                    + " block is damaged: it does not start like an H2 database file. The file was not changed; if it"
                    + " is your database, run `tandem db check --db " + location.dbFile() + "` and restore it from a"
                    + " backup (`tandem db restore --help`), otherwise use another --db");
            case NEW -> {
            }
        }
        Target target = target(location.basePath(), password, readOnly);
        Properties info = new Properties();
        info.setProperty("user", target.user());
        info.setProperty("password", target.password());
        try {
            Connection connection = new org.h2.Driver().connect(target.url(), info);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw translate(e, location, kind, seal instanceof SealFile.Reading.Valid valid
                    && valid.seal().passwordCheck() != null);
        }
    }

    private static TandemException wrongPassword(StoreLocation location) {
        return new TandemException("wrong database password for " + location.dbFile() + "; give the password it was"
                + " created with (--db-password or TANDEM_DB_PASSWORD)");
    }

    /**
     * @param passwordConfirmed the seal has confirmed the password, so a file that does not decrypt is damaged
     */
    private static TandemException translate(SQLException e, StoreLocation location, H2Files.Kind kind,
                                             boolean passwordConfirmed) {
        String file = location.dbFile().toString();
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new TandemException(file + " is in use by another Tandem process ("
                    + LockHolder.describe(location.dbFile()) + "); close it or use another --db", e);
            case ErrorCode.FILE_ENCRYPTION_ERROR_1, ErrorCode.WRONG_USER_OR_PASSWORD -> {
                if (kind != H2Files.Kind.ENCRYPTED) {
                    yield new TandemException(file + " was not created by Tandem (its database user differs);"
                            + " use another --db", e);
                }
                if (passwordConfirmed) {
                    yield StoreErrors.damaged(location.dbFile(), "it does not decrypt although its seal confirms the"
                            + " password", e);
                }
                // H2 cannot tell a wrong key from damaged encrypted blocks, and there is no seal to confirm the password
                yield new TandemException("cannot decrypt " + file + ": either the password is wrong or the file is"
                        + " damaged. Check the password (--db-password or TANDEM_DB_PASSWORD); if it is right, run"
                        + " `tandem db check --db " + file + "` and restore the file from a backup", e);
            }
            case ErrorCode.FILE_VERSION_ERROR_1 -> new TandemException(file + " was written by an incompatible H2 version;"
                    + " open it with the Tandem version that wrote it and export it", e);
            default -> {
                if (StoreErrors.diskFull(e)) {
                    yield StoreErrors.writeFailure("open database " + file, e);
                }
                if (StoreErrors.accessDenied(e)) {
                    yield new TandemException("cannot open " + file + " (permission denied); check that you own the file"
                            + " and its directory", e);
                }
                yield StoreErrors.damaged(location.dbFile(), "H2 cannot open it (" + StoreErrors.reason(e) + ")", e);
            }
        };
    }

    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
