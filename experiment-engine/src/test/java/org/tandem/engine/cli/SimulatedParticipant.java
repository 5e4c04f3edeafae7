package org.tandem.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.tandem.data.NewSession;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.SessionRunner;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.SplitMix64;
import org.tandem.protocols.plan.Trial;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * TEST-ONLY simulated participant of observer kind HUMAN, so report tests have "people" without a lab: it answers
 * two-AFC trials by a known psychometric function, P(first label) = Φ((level − pse)/sd); classification trials
 * correctly except that fear is read as surprise 40 % of the time; ABX trials correctly 95 % of the time across the
 * 50 % boundary and 60 % otherwise. Every draw comes from the trial's own seeded stream. It stands in for a person
 * nowhere but in tests, and its sessions carry the observer id {@value #ID}.
 */
final class SimulatedParticipant implements Observer {
    static final String ID = "test:simulated-participant";

    private final Task task;
    private final long seed;
    private final double pse;
    private final double sd;

    SimulatedParticipant(Task task, long seed, double pse, double sd) {
        this.task = task;
        this.seed = seed;
        this.pse = pse;
        this.sd = sd;
    }

    /** Runs one whole session of a built-in protocol as participant {@code code} and stores it in the database. */
    static void store(Path db, String study, String protocolName, String code, long seed, double pse) {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(protocolName);
        Protocol protocol = source.read();
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            store.ensureParticipant(code, null);
            new SessionRunner(store, StimulusLibrary.forProtocol(protocol, Path.of(".")), (t, r, done, total) -> { })
                    .start(new NewSession(study, protocol.id(), source.json(), Planner.protocolSha256(protocol),
                            ObserverKind.HUMAN, ID, code, seed, null, Planner.plan(protocol, seed), Map.of()),
                            new SimulatedParticipant(protocol.task(), seed, pse, 8));
        }
    }

    @Override
    public ObserverKind kind() {
        return ObserverKind.HUMAN;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Response respond(Trial trial, List<Raster> images) {
        double u = (SplitMix64.stream(seed, trial.index()).nextLong() >>> 11) * 0x1.0p-53;
        String answer;
        if (task instanceof Task.TwoAfc t) {
            double p = new NormalDistribution(pse, sd).cumulativeProbability(trial.numericLevel(t.continuum().factor()));
            answer = t.labels().get(u < p ? 0 : 1).label();
        } else if (task instanceof Task.Abx a) {
            double x = trial.numericLevel(a.continuum().factor() + "_a");
            double y = trial.numericLevel(a.continuum().factor() + "_b");
            boolean across = Math.min(x, y) < 50 && Math.max(x, y) > 50;
            boolean right = u < (across ? 0.95 : 0.6);
            answer = right ? trial.correctAnswer() : trial.correctAnswer().equals("A") ? "B" : "A";
        } else {
            answer = trial.correctAnswer().equals("fear") && u < 0.4 ? "surprise" : trial.correctAnswer();
        }
        return Response.ofHuman(answer, 600 + 100 * u, new FrameTiming(0, 750_000_000L, 90, 90, 0));
    }
}
