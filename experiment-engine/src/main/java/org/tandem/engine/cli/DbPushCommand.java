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
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true, usageHelpWidth = 78,
        description = {"Send this station's sessions (--db) to the lab server (--to): what the server lacks is added,"
                + " sessions it holds fewer trials or events of are extended, the rest left alone. Running it twice"
                + " changes nothing the second time.",
                "%nA session the server holds otherwise (the same id with another plan or other trials) is refused,"
                        + " naming it, and nothing is sent. The station's store is only read, checked whole first.",
                "%nExample: tandem db push --db room2.mv.db --to postgresql://labserver/tandem"})
final class DbPushCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Option(names = "--to", required = true, paramLabel = "postgresql://HOST[:PORT]/DB",
            defaultValue = "${env:TANDEM_LAB_SERVER}",
            description = "The lab server's database (or set TANDEM_LAB_SERVER); password from PGPASSWORD or ~/.pgpass.")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        StoreOptions server = StoreOptions.of(to, null);
        if (!server.onServer()) {
            throw new TandemException("--to " + to + " is not a lab server; give postgresql://host[:port]/database (to"
                    + " merge store files, use tandem db merge)");
        }
        StoreOptions local = db.options();
        if (local.onServer()) {
            throw new TandemException("--db " + local.name() + " is a server; push from a station's store file");
        }
        List<MergeSummary> pushed = TandemStore.merge(server, List.of(local));
        MergeSummary summary = pushed.get(0);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Pushed " + local.name() + " to " + server.name() + ": " + summary.added() + " new, "
                + summary.extended() + " extended, " + summary.present() + " already there"
                + (summary.predictions() > 0 ? "; " + summary.predictions() + " kept predictions" : ""));
        out.flush();
    }
}
