package org.tandem.engine.cli;

import java.nio.file.Path;
import java.util.List;
import org.tandem.data.SessionFilter;
import org.tandem.data.TandemStore;
import org.tandem.data.TidyExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every stored trial as tidy data: one row per trial, the same columns for people and networks.",
                "Participants appear by their pseudonymous code only, unless --include-demographics."})
final class ExportCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for trials.* and sessions.*.")
    Path out;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
    TidyExport.Format format;

    @Option(names = "--include-demographics", description = "Add the participants' age, sex and handedness.")
    boolean includeDemographics;

    @Mixin
    OverwriteOption overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        overwrite.check(out, List.of(out.resolve("trials." + format.extension()),
                out.resolve("sessions." + format.extension())));
        try (TandemStore store = db.openForReading()) {
            TidyExport.Result result = TidyExport.export(store,
                    new TidyExport.Options(out, format, SessionFilter.all(), includeDemographics));
            spec.commandLine().getOut().printf("Wrote %d trials of %d sessions: %s, %s%n", result.trialRows(),
                    result.sessionRows(), result.trialsFile(), result.sessionsFile());
        }
    }
}
