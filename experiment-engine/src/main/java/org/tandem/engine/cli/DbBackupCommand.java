package org.tandem.engine.cli;

import java.nio.file.Path;
import org.tandem.data.BackupSummary;
import org.tandem.data.TandemStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent copy of the database into a new .zip (H2's BACKUP TO), then check the copy by "
                + "opening it. The database is only read: it is checked first, and a damaged one is not backed up.",
                "Restore with: tandem db restore --from FILE.zip --db PATH"})
final class DbBackupCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Option(names = "--to", required = true, paramLabel = "FILE.zip", description = "The new backup file.")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        BackupSummary backup;
        try (TandemStore store = db.openForReading()) {
            backup = store.backup(to);
        }
        spec.commandLine().getOut().printf("Backed up %s to %s (%d bytes; %d sessions, %d trials; checked)%n", db.name(),
                backup.file(), backup.bytes(), backup.sessions(), backup.trials());
    }
}
