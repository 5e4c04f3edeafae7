package org.tandem.engine.cli;

import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import picocli.CommandLine.Option;

/** The database options every command that reads or writes sessions takes. */
final class DbOptions {
    @Option(names = "--db", paramLabel = "PATH|postgresql://HOST[:PORT]/DB",
            description = "The session database: an H2 file (default: $TANDEM_HOME/tandem.mv.db if TANDEM_HOME is set,"
                    + " else ~/.tandem/tandem.mv.db in the account's home directory), or a lab server's PostgreSQL"
                    + " database, postgresql://[user@]host[:port]/database (password from --db-password,"
                    + " TANDEM_DB_PASSWORD, PGPASSWORD or ~/.pgpass).")
    String db;

    @Option(names = "--db-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            defaultValue = "${env:TANDEM_DB_PASSWORD}",
            description = "The password of an AES-encrypted database file (a new one is created encrypted with it), or"
                    + " of the lab server's user. Give --db-password alone to type it without echo, or set TANDEM_DB_PASSWORD: a password written "
                    + "on the command line shows in the process list.")
    char[] password;

    /** Whether a password was given (on the command line, typed, or from TANDEM_DB_PASSWORD). */
    boolean encrypted() {
        return password != null && password.length > 0;
    }

    /** How messages name the database: its file or its server address. */
    String name() {
        return options().name();
    }

    /** The database as another Tandem process is told it: a file by its absolute path, a server by its address. */
    String argument() {
        StoreOptions options = options();
        return options.onServer() ? options.name() : options.path().toAbsolutePath().toString();
    }

    StoreOptions options() {
        return StoreOptions.of(db != null ? db : TandemStore.defaultPath().toString(),
                password == null || password.length == 0 ? null : new String(password));
    }

    /**
     * Opens an existing database for reading only: commands that read never create, migrate or change it (its bytes and
     * time stay as they were).
     */
    TandemStore openForReading() {
        return TandemStore.openForReading(options());
    }

    /** Opens the database for writing, creating it on first use. */
    TandemStore open() {
        return TandemStore.open(options());
    }
}
