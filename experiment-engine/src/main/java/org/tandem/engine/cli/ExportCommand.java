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
                "With the trials: sessions (one row each, with their station facts) and events (runs of the station with"
                        + " their refresh checks, pauses, re-presentations, keys outside the answer window, timing"
                        + " faults; one row each, on the trials' clock).",
                "Participants appear by their pseudonymous code only, unless --include-demographics."})
final class ExportCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for trials.*, sessions.* and events.*.")
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
                out.resolve("sessions." + format.extension()), out.resolve("events." + format.extension())));
        try (TandemStore store = db.openForReading()) {
            TidyExport.Result result = TidyExport.export(store,
                    new TidyExport.Options(out, format, SessionFilter.all(), includeDemographics));
            spec.commandLine().getOut().printf("Wrote %d trials of %d sessions and %d events: %s, %s, %s%n",
                    result.trialRows(), result.sessionRows(), result.eventRows(), result.trialsFile(),
                    result.sessionsFile(), result.eventsFile());
        }
    }
}
