package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.tandem.data.IntegrityReport;
import org.tandem.data.TandemStore;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a database whole without changing it: H2 opens it read-only; every row is compared with its "
                + "checksum, every index with its table, the count of writes with the seal beside the file, each "
                + "session's plan with its SHA-256 and its trials with the plan (gaps, duplicates), and rows without "
                + "their session are looked for.",
                "Exit status 0 only when the database is healthy."})
final class DbCheckCommand implements Runnable {
    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        IntegrityReport report = TandemStore.check(db.options());
        out.println("Checked " + db.name());
        if (report.newerSchema()) {
            throw new TandemException(db.name() + " was written by a newer Tandem (schema version "
                    + report.schemaVersion() + "); check it with that version");
        }
        if (report.schemaVersion() > 0) {
            out.println("  schema version " + report.schemaVersion()
                    + (report.writes() == null ? "" : ", " + report.writes() + " committed writes"));
        }
        if (!report.rows().isEmpty()) {
            StringBuilder rows = new StringBuilder("  rows:");
            for (Map.Entry<String, Long> table : report.rows().entrySet()) {
                rows.append(' ').append(table.getKey()).append(' ').append(table.getValue()).append(',');
            }
            out.println(rows.substring(0, rows.length() - 1));
        }
        for (String note : report.notes()) {
            out.println("  not confirmed: " + note);
        }
        boolean server = db.options().onServer();
        if (report.clean()) {
            out.println("Healthy: every row matches its checksum, " + (server ? "" : "every index its table, ")
                    + "every plan its hash; no gaps, duplicates or orphan rows.");
            out.flush();
            return;
        }
        out.println("Problems (" + report.problems().size() + "):");
        report.problems().forEach(p -> out.println("  - " + p));
        out.flush();
        String problems = report.problems().size() + " problem" + (report.problems().size() == 1 ? "" : "s") + " above";
        if (server) {
            throw new TandemException(db.name() + " is not a healthy Tandem store (" + problems + "); nothing was"
                    + " changed. Restore the server's database from its backup (pg_restore; docs/LAB-SERVER.md)");
        }
        throw new TandemException(db.name() + " is damaged (" + problems + "); the file was not changed. Restore it"
                + " from a backup (tandem db restore --help)");
    }
}
