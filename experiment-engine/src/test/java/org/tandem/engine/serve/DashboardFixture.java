package org.tandem.engine.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tandem.data.NewSession;
import org.tandem.data.SessionStatus;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Presentation;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * A database in a real H2 file with a study's completed network session and a person's session in progress (3 of its
 * trials done, the first with two screens shown short), and HTTP requests to a dashboard over it.
 */
final class DashboardFixture {
    static final String STUDY = "face-study";
    static final String PARTICIPANT = "P07";
    static final String NETWORK = "test:fixed-answers";
    static final int TRIALS_DONE = 3;
    static final int TIMING_FAULTS = 2;
    private static final double PERIOD_NS = 16_683_350;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The ids of the sessions written. */
    record Sessions(String inProgress, String completed, int planned) {
    }

    private DashboardFixture() {
    }

    static Sessions writeStore(Path db) {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve("expression-abx");
        Protocol protocol = source.read();
        TrialPlan plan = Planner.plan(protocol, 3);
        try (TandemStore store = TandemStore.open(StoreOptions.at(db))) {
            String completed = store.startSession(new NewSession(STUDY, protocol.id(), source.json(),
                    Planner.protocolSha256(protocol), ObserverKind.MODEL, NETWORK, null, 3, null, plan, Map.of()));
            for (Trial trial : plan.trials()) {
                store.commitTrial(completed, trial, new Response("B", null, null, null));
            }
            store.finishSession(completed, SessionStatus.COMPLETED);
            store.ensureParticipant(PARTICIPANT, null);
            String running = store.startSession(new NewSession(STUDY, protocol.id(), source.json(),
                    Planner.protocolSha256(protocol), ObserverKind.HUMAN, PARTICIPANT, PARTICIPANT, 3, null, plan,
                    Map.of()));
            for (int i = 0; i < TRIALS_DONE; i++) {
                store.commitTrial(running, plan.trial(i), shown(plan.trial(i), i == 0 ? 2 : 6));
            }
            return new Sessions(running, completed, plan.size());
        }
    }

    /** A person's trial whose A and X screens were up {@code frames} of their 6 frames each. */
    private static Response shown(Trial trial, int frames) {
        List<ScreenTiming> screens = List.of(
                ScreenTiming.measured("A", 1_000_000_000L, 1_000_000_000L + frames * 16_683_350L, 6, frames,
                        PERIOD_NS, false),
                ScreenTiming.measured("X", 2_000_000_000L, 2_000_000_000L + frames * 16_683_350L, 6, frames,
                        PERIOD_NS, false));
        Presentation presentation = new Presentation(screens, 2_100_000_000L, 1, PERIOD_NS, List.of());
        return Response.ofStation(trial.correctAnswer(), 450.0,
                new FrameTiming(1_000_000_000L, 2_100_000_000L, 12, 2 * frames, 0), presentation);
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
