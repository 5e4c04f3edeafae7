package org.tandem.engine.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.protocols.observer.ObserverKind;

/**
 * The sessions the demo's report compares: the demo's own network sessions, and every person's session of the same
 * protocol documents in the database, whatever study it was run in, so people tested at a station with {@code tandem run}
 * appear next to the networks. Other network sessions (e.g. from {@code tandem simulate}) stay out.
 */
public final class DemoReportSessions {
    private DemoReportSessions() {
    }

    public static List<SessionSummary> choose(TandemStore store, List<String> demoSessionIds) {
        List<SessionSummary> all = store.sessions(SessionFilter.all());
        Set<String> ids = Set.copyOf(demoSessionIds);
        Set<String> protocols = all.stream().filter(s -> ids.contains(s.sessionId()))
                .map(SessionSummary::protocolSha256).collect(Collectors.toSet());
        List<SessionSummary> chosen = new ArrayList<>();
        for (SessionSummary s : all) {
            boolean person = s.observerKind() == ObserverKind.HUMAN && protocols.contains(s.protocolSha256());
            if (person || ids.contains(s.sessionId())) {
                chosen.add(s);
            }
        }
        return chosen;
    }
}
