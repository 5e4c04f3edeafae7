package org.tandem.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.ModelOutput;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/** Real plans from a built-in protocol, and deterministic answers for people and networks. */
final class Fixtures {
    static final String PROTOCOL_NAME = "expression-abx";
    static final BuiltinProtocols.Source SOURCE = BuiltinProtocols.resolve(PROTOCOL_NAME);
    static final Protocol PROTOCOL = SOURCE.read();
    static final String PROTOCOL_SHA256 = Planner.protocolSha256(PROTOCOL);

    private Fixtures() {
    }

    static TrialPlan plan(long seed) {
        return Planner.plan(PROTOCOL, seed);
    }

    static NewSession human(String study, String participant, long seed) {
        return new NewSession(study, PROTOCOL.id(), SOURCE.json(), PROTOCOL_SHA256, ObserverKind.HUMAN, "station-1",
                participant, seed, null, plan(seed), Map.of("display", "1920x1080@60Hz"));
    }

    static NewSession model(String study, long seed) {
        return new NewSession(study, PROTOCOL.id(), SOURCE.json(), PROTOCOL_SHA256, ObserverKind.MODEL,
                "face-api-expression", null, seed, null, plan(seed), Map.of("device", "cpu"));
    }

    /** Right on most trials, wrong on every 4th, no answer on every 7th; frame timing with a missed frame every 5th. */
    static Response humanResponse(Trial trial) {
        int i = trial.index();
        String answer = i % 7 == 3 ? null : i % 4 == 1 ? other(trial.correctAnswer()) : trial.correctAnswer();
        long onset = 5_000_000_000L + i * 3_250_000_123L;
        FrameTiming timing = new FrameTiming(onset, onset + 750_000_456L, 45, 45, i % 5 == 2 ? 1 : 0);
        return Response.ofHuman(answer, 400.25 + i, timing);
    }

    static Response modelResponse(Trial trial) {
        double pA = 0.05 + (trial.index() % 10) / 10.0;
        String answer = pA >= 0.5 ? "A" : "B";
        return Response.ofModel(answer, new ModelOutput(List.of("A", "B"), List.of(pA, 1 - pA)));
    }

    private static String other(String label) {
        return "A".equals(label) ? "B" : "A";
    }

    static TandemStore open(Path file) {
        return TandemStore.open(options(file));
    }

    /** The system property that runs the store's tests against a PostgreSQL server instead of H2 files. */
    static final String STORE_PROPERTY = "tandem.test.store";
    private static final Map<Path, String> SERVER_DATABASES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether this run stores into PostgreSQL ({@code -Dtandem.test.store=postgresql}). */
    static boolean onServer() {
        return "postgresql".equals(System.getProperty(STORE_PROPERTY));
    }

    /**
     * The store a test names by a file: that file, or, when the tests run against PostgreSQL, a fresh database of the
     * test server standing for it (the same file gives the same database).
     */
    static StoreOptions options(Path file) {
        if (!onServer()) {
            return StoreOptions.at(file);
        }
        Path key = StoreLocation.of(file).dbFile();
        return PostgresTestServer.options(SERVER_DATABASES.computeIfAbsent(key,
                k -> PostgresTestServer.shared().newDatabase()));
    }
}
