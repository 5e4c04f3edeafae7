package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import org.tandem.data.MergeSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", mixinStandardHelpOptions = true, usageHelpWidth = 78,
        description = {"Bring the sessions of other Tandem store files into the database at --db (created when"
                + " missing), e.g. the stores a sweep wrote on several machines.",
                "%nSessions are matched by id and come with their study, protocol, participant, trials and events."
                        + " A session already there as in the source is skipped, so the same merge twice changes"
                        + " nothing; one whose source went on gets its new trials, events and status. Any other"
                        + " difference is refused, naming the file and session, and nothing is merged. Sources are"
                        + " only read, each checked whole first.",
                "%nExample: tandem db merge run-*/tandem.mv.db --db sweep.mv.db",
                "Or:      tandem db merge --from a.mv.db --from b.mv.db --into all.mv.db"})
final class DbMergeCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Parameters(arity = "0..*", paramLabel = "SOURCE",
            description = "The stores to merge from: files (SOURCE.mv.db, its seal beside it) or servers.")
    List<String> sources = new java.util.ArrayList<>();

    @Option(names = "--from", paramLabel = "SOURCE", description = "A store to merge from (as SOURCE; may be repeated).")
    List<String> from = new java.util.ArrayList<>();

    @Option(names = "--into", paramLabel = "TARGET",
            description = "The store to merge into (the same as --db): a file or postgresql://host/database.")
    String into;

    @Option(names = "--source-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            defaultValue = "${env:TANDEM_SOURCE_DB_PASSWORD}",
            description = "The password of encrypted sources when it is not that of --db (or set"
                    + " TANDEM_SOURCE_DB_PASSWORD); --source-password= for unencrypted sources.")
    char[] sourcePassword;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (into != null && db.db != null && !into.equals(db.db)) {
            throw new TandemException("--into " + into + " and --db " + db.db + " name different targets; give one");
        }
        if (into != null) {
            db.db = into;
        }
        List<String> all = new java.util.ArrayList<>(sources);
        all.addAll(from);
        if (all.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "no stores to merge from; give --from SOURCE (or SOURCE files)");
        }
        StoreOptions target = db.options();
        String password = sourcePassword == null ? target.password() : new String(sourcePassword);
        List<MergeSummary> merged = TandemStore.merge(target,
                all.stream().map(source -> StoreOptions.of(source, password)).toList());
        PrintWriter out = spec.commandLine().getOut();
        for (MergeSummary summary : merged) {
            out.println(summary.source() + ": " + counts(summary));
        }
        MergeSummary total = new MergeSummary(db.name(), merged.stream().mapToInt(MergeSummary::added).sum(),
                merged.stream().mapToInt(MergeSummary::extended).sum(),
                merged.stream().mapToInt(MergeSummary::present).sum(),
                merged.stream().mapToInt(MergeSummary::predictions).sum());
        out.println("Merged " + merged.size() + " store file" + (merged.size() == 1 ? "" : "s") + " into " + db.name()
                + ": " + counts(total));
        out.flush();
    }

    private static String counts(MergeSummary summary) {
        return summary.added() + " new, " + summary.extended() + " extended, " + summary.present() + " already present"
                + (summary.predictions() > 0 ? "; " + summary.predictions() + " kept predictions" : "");
    }
}
