package org.tandem.engine.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.SessionProgress;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.simulate.SessionSummaryLine;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.readout.TrainingProgress;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.plan.Planner;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * The demo's network sessions: one per protocol and observer at the demo's seed. A completed session stored by an earlier
 * demo is reused, an interrupted one is resumed from its stored plan, and only a missing one is run afresh, so running
 * the demo again costs only what is missing.
 */
public final class DemoSessions {
    private final TandemStore store;
    private final ModelSessionRunner runner;
    private final String study;
    private final long seed;

    public DemoSessions(TandemStore store, StimulusLibrary library, SyntheticFaceCrops crops, String study, long seed) {
        this.store = store;
        this.runner = new ModelSessionRunner(store, library, crops);
        this.study = study;
        this.seed = seed;
    }

    /** Gives a progress listener for a session about to run: what it is, and how many trials remain. */
    @FunctionalInterface
    public interface ProgressFactory {
        SessionProgress forSession(String what, int trials);
    }

    /** What the demo did for one protocol and observer. */
    public record Outcome(String sessionId, String how, String summary) {
        public String describe() {
            return summary + "  (" + how + ")";
        }
    }

    public Outcome ensure(BuiltinProtocols.Source source, Protocol protocol, DemoObserver observer,
                          ProgressFactory progress) {
        ObserverSpec spec = ObserverSpec.parse(observer.specFor(protocol.task()));
        String what = protocol.id() + " / " + observer.name();
        String rule = DemoObserver.ruleFor(protocol.task());
        Optional<SessionSummary> earlier = earlier(protocol, spec, rule);
        if (earlier.isPresent() && earlier.get().status() == SessionStatus.COMPLETED) {
            return outcome(protocol, earlier.get().sessionId(), "stored earlier");
        }
        if (earlier.isPresent() && earlier.get().status() != SessionStatus.COMPLETED) {
            SessionSummary stored = earlier.get();
            runner.resume(stored, protocol, TrainingProgress.NONE,
                    progress.forSession(what, stored.trialsPlanned() - stored.trialsDone()));
            return outcome(protocol, stored.sessionId(), "resumed");
        }
        var request = ModelSessionRunner.Request.of(study, source, protocol,
                ModelSessionRunner.Request.defaultVariant(protocol, null), spec, seed, rule, 1);
        ModelSessionRunner.Result result = runner.run(request, TrainingProgress.NONE,
                progress.forSession(what, request.plan().size()));
        return outcome(protocol, result.sessionId(), "run now");
    }

    /** The latest demo session of this protocol (as written now), observer, seed and decision rule, if any. */
    private Optional<SessionSummary> earlier(Protocol protocol, ObserverSpec spec, String rule) {
        String sha = Planner.protocolSha256(protocol);
        List<SessionSummary> sessions = store.sessions(new SessionFilter(study, protocol.id(), null));
        return sessions.stream()
                .filter(s -> s.observerId().equals(spec.toString()) && s.seed() == seed && s.protocolSha256().equals(sha)
                        && rule.equals(s.stationInfo().get(ModelSessionRunner.RULE)))
                .max(Comparator.comparing(SessionSummary::startedAt));
    }

    private Outcome outcome(Protocol protocol, String sessionId, String how) {
        return new Outcome(sessionId, how,
                SessionSummaryLine.of(protocol.task(), store.trials(SessionFilter.session(sessionId))));
    }
}
