package org.tandem.engine.session;

import java.util.Map;
import org.tandem.data.NewSession;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.TrialPlan;

/**
 * TEST-ONLY child process for the crash test: runs (or resumes) a session through the real runner and store, printing
 * {@code COMMITTED <index>} after each commit has returned, so the parent knows what must survive a SIGKILL.
 *
 * <p>Arguments: {@code DB PROTOCOL SEED KIND} to start, {@code DB PROTOCOL SEED KIND SESSION_ID} to resume; KIND
 * ({@code human} or {@code model}) says whom the observer answers like, and so how its trials are committed.
 */
public final class CrashingSessionMain {
    private CrashingSessionMain() {
    }

    public static void main(String[] args) throws Exception {
        // the store: a file, or a server address whose password comes from PGPASSWORD
        StoreOptions db = StoreOptions.of(args[0], null);
        ObserverKind kind = ObserverKind.valueOf(args[3].toUpperCase(java.util.Locale.ROOT));
        Protocol protocol = BuiltinProtocols.resolve(args[1]).read();
        long seed = Long.parseLong(args[2]);
        SessionProgress progress = (trial, response, done, total) -> {
            System.out.println("COMMITTED " + trial.index());
            System.out.flush();
            if (kind == ObserverKind.MODEL) {
                // a network's next chunk waits for these reports: time for the parent's kill to land mid-session
                sleep(3);
            }
        };
        Raster grey = new Raster(2, 2, new byte[12]);
        try (TandemStore store = TandemStore.open(db)) {
            SessionRunner runner = new SessionRunner(store, ref -> grey, progress);
            if (args.length > 4) {
                runner.resume(args[4], new RuleObserver(protocol, kind));
            } else {
                TrialPlan plan = Planner.plan(protocol, seed);
                NewSession session = new NewSession("crash-test", protocol.id(), BuiltinProtocols.resolve(args[1]).json(),
                        Planner.protocolSha256(protocol), ObserverKind.MODEL, "test:rule-observer", null, seed, null, plan,
                        Map.of());
                System.out.println("PLANNED " + plan.size());
                runner.start(session, new RuleObserver(protocol, kind));
            }
        }
        System.out.println("DONE");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
