package org.tandem.engine.cli;

import org.tandem.engine.report.StoredReportInput;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.List;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List the sessions in a database (people and networks alike), or show one with its station"
                + " facts and events.",
        subcommands = {SessionsCommand.ListSessions.class, SessionsShowCommand.class})
final class SessionsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every session with its status and progress.")
    static final class ListSessions implements Runnable {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

        @Mixin
        DbOptions db;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<SessionSummary> sessions;
            try (TandemStore store = db.openForReading()) {
                sessions = store.sessions();
            }
            if (sessions.isEmpty()) {
                out.println("No sessions in " + db.name() + " yet.");
                return;
            }
            // observer specs can be long: the column is as wide as the longest, so the columns after it stay aligned
            int width = Math.max("OBSERVER".length(), sessions.stream().mapToInt(s -> observer(s).length()).max()
                    .orElse(0));
            String row = "%-36s  %-26s  %-5s  %-" + width + "s  %-10s  ";
            out.printf(row + "%9s  %s%n", "SESSION", "PROTOCOL", "KIND", "OBSERVER", "STATUS", "TRIALS", "STARTED");
            for (SessionSummary s : sessions) {
                String observer = observer(s);
                out.printf(row + "%4d/%-4d  %s%n", s.sessionId(), s.protocolId(),
                        s.observerKind().code(), observer, s.status().code(), s.trialsDone(), s.trialsPlanned(),
                        TIME.format(s.startedAt()));
            }
        }
    }

    private static String observer(SessionSummary s) {
        String observer = s.participant() != null ? s.participant() : s.observerId();
        return StoredReportInput.isPilot(s) ? observer + " (pilot)" : observer;
    }
}
