package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.tandem.data.BackupSummary;
import org.tandem.data.TandemStore;
import picocli.CommandLine.Option;

/** {@code --backup-dir}: a checked backup of the database after each completed session, the newest N kept. */
final class BackupOptions {
    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "After each completed session, write a checked backup of the database into DIR "
                    + "(<name>-<time>.zip; restore with tandem db restore).")
    Path dir;

    @Option(names = "--keep-backups", paramLabel = "N", defaultValue = "10",
            description = "How many of the newest backups to keep in --backup-dir (default: ${DEFAULT-VALUE}).")
    int keep;

    void afterCompletedSession(TandemStore store, PrintWriter out) {
        if (dir == null) {
            return;
        }
        BackupSummary backup = store.backupInto(dir, keep);
        out.println("Backup: " + backup.file() + " (" + backup.sessions() + " sessions, " + backup.trials()
                + " trials; checked)");
    }
}
