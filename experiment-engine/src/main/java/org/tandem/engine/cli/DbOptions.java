package org.tandem.engine.cli;

import java.nio.file.Path;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import picocli.CommandLine.Option;

/** The database options every command that reads or writes sessions takes. */
final class DbOptions {
    @Option(names = "--db", paramLabel = "PATH",
            description = "The session database (default: $TANDEM_HOME/tandem.mv.db if TANDEM_HOME is set, else "
                    + "~/.tandem/tandem.mv.db in the account's home directory).")
    Path db;

    @Option(names = "--db-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            defaultValue = "${env:TANDEM_DB_PASSWORD}",
            description = "The password of an AES-encrypted database (a new database is created encrypted with it). "
                    + "Give --db-password alone to type it without echo, or set TANDEM_DB_PASSWORD: a password written "
                    + "on the command line shows in the process list.")
    char[] password;

    /** Whether a password was given (on the command line, typed, or from TANDEM_DB_PASSWORD). */
    boolean encrypted() {
        return password != null && password.length > 0;
    }

    Path path() {
        return db != null ? db : TandemStore.defaultPath();
    }

    StoreOptions options() {
        return new StoreOptions(path(), password == null || password.length == 0 ? null : new String(password));
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
