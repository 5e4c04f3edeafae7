package org.tandem.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the database maintenance subcommands. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"Check, back up, restore, compact and merge session databases."},
        subcommands = {DbCheckCommand.class, DbBackupCommand.class, DbRestoreCommand.class, DbCompactCommand.class,
                DbMergeCommand.class, DbPushCommand.class})
final class DbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
