package org.tandem.engine.station;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.data.NewSession;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.SessionProgress;
import org.tandem.engine.session.SessionRunner;
import org.tandem.presenter.FramePlan;
import org.tandem.presenter.Station;
import org.tandem.presenter.VisualAngle;
import org.tandem.presenter.station.HumanStation;
import org.tandem.presenter.station.ScreenWatcher;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.StationEvent;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * Runs (or resumes) one person's session at an open {@link Station}: the session's station facts are stored with it
 * (or, on resume, as a {@code station} event: each run is a numbered segment, and each trial says which one showed it), then the {@link SessionRunner} commits each trial before the next
 * starts, on the render thread between trials (a few milliseconds), where nothing is being timed: it only delays
 * the start of the next ITI, whose frames count from its first flip.
 */
public final class HumanSessionRunner {
    private final TandemStore store;
    private final StimulusLibrary library;
    private final Station station;
    private final ScreenWatcher watcher;
    private final VisualAngle viewing;
    private int runSegment;
    private StationEvent stop;

    public HumanSessionRunner(TandemStore store, StimulusLibrary library, Station station, ScreenWatcher watcher) {
        this(store, library, station, watcher, null);
    }

    /** @param viewing the viewing geometry, for protocols with sizes in degrees; null when not given */
    public HumanSessionRunner(TandemStore store, StimulusLibrary library, Station station, ScreenWatcher watcher,
                              VisualAngle viewing) {
        this.viewing = viewing;
        this.store = store;
        this.library = library;
        this.station = station;
        this.watcher = watcher;
    }

    /** Starts a new session; returns its id. */
    public String start(String study, BuiltinProtocols.Source source, Protocol protocol, String variant, long seed,
                        String participant, FramePlan frames, Map<String, String> facts, SessionProgress progress) {
        TrialPlan plan = Planner.plan(protocol, variant, seed);
        NewSession session = new NewSession(study, protocol.id(), source.json(), Planner.protocolSha256(protocol),
                ObserverKind.HUMAN, participant, participant, seed, variant, plan, runFacts(facts, 1));
        runSegment = 1;
        try (HumanStation human = new HumanStation(station, protocol, frames, participant, plan, watcher, 1, viewing)) {
            try {
                String id = new SessionRunner(store, library, progress).start(session, human);
                human.finish();
                return id;
            } finally {
                stop = human.stop();
            }
        }
    }

    /** Continues a stored human session at its first trial without a record. */
    public void resume(SessionSummary stored, Protocol protocol, FramePlan frames, Map<String, String> facts,
                       SessionProgress progress) {
        checkResumable(stored, protocol);
        int segment = 2 + (int) store.events(stored.sessionId()).stream().filter(e -> e.kind().equals("station")).count();
        store.recordEvent(stored.sessionId(), "station", json(runFacts(facts, segment)));
        runSegment = segment;
        TrialPlan plan = Planner.plan(protocol, stored.variant(), stored.seed());
        try (HumanStation human = new HumanStation(station, protocol, frames, stored.participant(), plan, watcher,
                segment, viewing)) {
            try {
                new SessionRunner(store, library, progress).resume(stored.sessionId(), human);
                human.finish();
            } finally {
                stop = human.stop();
            }
        }
    }

    /** The run segment of the latest {@link #start} or {@link #resume}: 1 for a new session, 2 for its first resume... */
    public int runSegment() {
        return runSegment;
    }

    /**
     * Stores and returns the timing summary of the latest run of {@code sessionId}, after its stop on the pause screen
     * when there was one (the trial then unanswered, on the station's clock): called when the run has ended.
     */
    public TimingSummary recordTimingSummary(String sessionId) {
        if (stop != null) {
            store.recordEvent(sessionId, "stopped", "{\"trial\":" + stop.detail() + ",\"nanos\":" + stop.nanos() + "}");
            stop = null;
        }
        TimingSummary summary = TimingSummary.of(store.trials(sessionId), runSegment);
        store.recordEvent(sessionId, "timing-summary", summary.json());
        return summary;
    }

    /**
     * The session {@code --resume} names: the given id, or with an empty id the participant's latest unfinished
     * (running or aborted) session of the protocol.
     */
    public static SessionSummary find(TandemStore store, String sessionId, String participant, Protocol protocol) {
        if (!sessionId.isEmpty()) {
            return store.sessions(SessionFilter.session(sessionId)).stream().findFirst()
                    .orElseThrow(() -> new TandemException("no session '" + sessionId + "' in " + store.name()
                            + "; see: tandem sessions list"));
        }
        if (participant == null) {
            throw new TandemException("--resume without a session id continues the participant's latest unfinished"
                    + " session; give the participant with --participant CODE, or the session id");
        }
        List<SessionSummary> open = store.sessions(SessionFilter.protocol(protocol.id())).stream()
                .filter(s -> participant.equals(s.participant()) && s.status() != SessionStatus.COMPLETED)
                .sorted(Comparator.comparing(SessionSummary::startedAt)).toList();
        if (open.isEmpty()) {
            throw new TandemException("participant " + participant + " has no unfinished session of " + protocol.id()
                    + " in " + store.name() + "; leave out --resume to start one");
        }
        return open.get(open.size() - 1);
    }

    private static void checkResumable(SessionSummary stored, Protocol protocol) {
        if (stored.observerKind() != ObserverKind.HUMAN) {
            throw new TandemException("session " + stored.sessionId() + " is a network session; resume it with"
                    + " tandem simulate --resume " + stored.sessionId());
        }
        if (!stored.protocolSha256().equals(Planner.protocolSha256(protocol))) {
            throw new TandemException("session " + stored.sessionId() + " was run with protocol " + stored.protocolId()
                    + " as stored, not with this one; give the protocol it was started with");
        }
        if (stored.status() == SessionStatus.COMPLETED) {
            throw new TandemException("session " + stored.sessionId() + " is completed; start a new one instead");
        }
    }

    /**
     * The station facts of one run of a session, with its segment number and when it began on the station's clock (the
     * clock of the trials' onsets): the first run's are the session's, each resume's a {@code station} event.
     */
    private static Map<String, String> runFacts(Map<String, String> facts, int segment) {
        Map<String, String> run = new LinkedHashMap<>(facts);
        run.put("run.segment", Integer.toString(segment));
        run.put("run.clock_ns", Long.toString(System.nanoTime()));
        return run;
    }

    private static String json(Map<String, String> facts) {
        try {
            return new ObjectMapper().writeValueAsString(facts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("station facts are plain strings", e);
        }
    }
}
