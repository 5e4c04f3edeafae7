package org.tandem.engine.cli;

import org.tandem.data.StoreCompaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Shrink the database file: the live data is copied into a new file that replaces the old one, so "
                + "an interruption leaves the old file whole. Run it when no other Tandem process has the database open; "
                + "a damaged database is refused, not compacted."})
final class DbCompactCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        StoreCompaction.Result result = StoreCompaction.compact(db.options());
        spec.commandLine().getOut().printf("Compacted %s from %d to %d bytes%n", result.file(), result.bytesBefore(),
                result.bytesAfter());
    }
}
