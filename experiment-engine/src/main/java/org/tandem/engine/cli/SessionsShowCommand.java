package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.tandem.data.SessionEvent;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem sessions show ID}: one session's facts (station, refresh check, frame conversions) and its events. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print one session: who and what it ran, its status, the facts of its station (display, refresh"
                + " check, each duration's frames, viewing geometry) and every event in order (runs, pauses,"
                + " re-presentations, keys outside the answer window, timing summaries).")
final class SessionsShowCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "SESSION_ID", description = "The session (see: tandem sessions list).")
    String sessionId;

    @Mixin
    DbOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (TandemStore store = db.openForReading()) {
            List<SessionSummary> found = store.sessions(SessionFilter.session(sessionId));
            if (found.isEmpty()) {
                throw new TandemException("no session '" + sessionId + "' in " + db.name() + "; see: tandem sessions list");
            }
            SessionSummary s = found.get(0);
            out.printf("Session %s%n", s.sessionId());
            out.printf("  protocol   %s%s%n", s.protocolId(), s.variant() == null ? "" : " (variant " + s.variant() + ")");
            out.printf("  observer   %s %s%n", s.observerKind().code(),
                    s.participant() != null ? s.participant() : s.observerId());
            out.printf("  status     %s, %d of %d trials%n", s.status().code(), s.trialsDone(), s.trialsPlanned());
            out.printf("  started    %s%s%n", s.startedAt(), s.endedAt() == null ? "" : ", ended " + s.endedAt());
            out.printf("  seed       %d%n", s.seed());
            out.println("Facts");
            for (Map.Entry<String, String> fact : s.stationInfo().entrySet()) {
                out.printf("  %-26s %s%n", fact.getKey(), fact.getValue());
            }
            List<SessionEvent> events = store.events(s.sessionId());
            out.println("Events (" + events.size() + ")");
            for (SessionEvent e : events) {
                out.printf("  %s  %-16s %s%n", e.at(), e.kind(), e.detailJson() == null ? "" : e.detailJson());
            }
        }
    }
}
