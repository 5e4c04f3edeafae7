package org.tandem.engine.cli;

import java.nio.file.Path;
import org.tandem.data.BackupSummary;
import org.tandem.data.TandemStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put the database held in a backup at --db, after checking it. An existing file there is refused "
                + "unless --force; then it is kept beside as <name>.replaced-<time>.mv.db (never deleted).",
                "Give the backup's --db-password if it was encrypted."})
final class DbRestoreCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Option(names = "--from", required = true, paramLabel = "FILE.zip", description = "The backup (from tandem db backup).")
    Path from;

    @Option(names = "--force", description = "Replace an existing database, keeping it aside under a new name.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        BackupSummary restored = TandemStore.restore(from, db.options(), force);
        spec.commandLine().getOut().printf("Restored %s from %s (%d sessions, %d trials; checked)%n", restored.file(),
                from, restored.sessions(), restored.trials());
    }
}
