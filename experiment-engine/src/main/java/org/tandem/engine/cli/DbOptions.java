package org.tandem.engine.cli;

import java.nio.file.Path;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import picocli.CommandLine.Option;

/** The database options every command that reads or writes sessions takes. */
final class DbOptions {
    @Option(names = "--db", paramLabel = "PATH",
            description = "The session database (default: ~/.tandem/tandem.mv.db).")
    Path db;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:TANDEM_DB_PASSWORD}",
            description = "Encrypt the database files with AES under this password (or set TANDEM_DB_PASSWORD). "
                    + "A database created with a password must always be opened with it.")
    String password;

    Path path() {
        return db != null ? db : TandemStore.defaultPath();
    }

    /** Opens a database that must already exist: reading commands never create an empty one by mistake. */
    TandemStore openExisting() {
        Path path = path();
        Path file = path.toString().endsWith(".mv.db") ? path : Path.of(path + ".mv.db");
        if (!java.nio.file.Files.exists(file)) {
            throw new org.tandem.protocols.TandemException("no Tandem database at " + file
                    + "; give the --db your sessions were stored in");
        }
        return open();
    }

    /** Opens the database, creating it on first use. */
    TandemStore open() {
        return TandemStore.open(new StoreOptions(path(), password == null || password.isEmpty() ? null : password));
    }
}
