package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tandem.data.Demographics;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.Studies;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.LabServerPush;
import org.tandem.engine.session.SessionProgress;
import org.tandem.engine.simulate.SessionSummaryLine;
import org.tandem.engine.station.HumanSessionRunner;
import org.tandem.engine.station.StationFacts;
import org.tandem.engine.station.StationProfile;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.presenter.DisplaySizes;
import org.tandem.presenter.FrameConversion;
import org.tandem.presenter.FrameConversions;
import org.tandem.presenter.FramePlan;
import org.tandem.presenter.GlPlatform;
import org.tandem.presenter.LabelBox;
import org.tandem.presenter.PhotodiodeMarker;
import org.tandem.presenter.Station;
import org.tandem.presenter.VisualAngle;
import org.tandem.presenter.WindowSettings;
import org.tandem.presenter.screen.ResponseScreen;
import org.tandem.presenter.station.KeyboardLayout;
import org.tandem.presenter.station.ParticipantCodeEntry;
import org.tandem.presenter.station.PilotParticipant;
import org.tandem.presenter.station.ResponseRules;
import org.tandem.presenter.station.ScreenWatcher;
import org.tandem.presenter.triggers.SerialTriggerPort;
import org.tandem.presenter.triggers.TriggerCodes;
import org.tandem.presenter.triggers.TriggerPort;
import org.tandem.presenter.triggers.Triggers;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.KeyCounterbalance;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.SessionAbortedException;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.SplitMix64;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.library.StimulusLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Test a person at the station: a full-screen, frame-locked session of a protocol, stored trial by"
                + " trial (each answer is on disk before the next trial starts). Keys: the protocol's label keys (the"
                + " characters printed on the keyboard, in its layout) or a click on a label; Space leaves instruction"
                + " and break screens; Esc pauses (R resumes the interrupted trial from its start, Q stops the session,"
                + " keeping every answer; the command that continues it is printed). Every timed screen is checked"
                + " against its flips and a timing summary printed at the end; the refresh check and each duration's"
                + " frames are stored per run (tandem sessions show ID; export: events). See docs/PRESENTER.md.")
final class RunCommand implements Runnable {
    private static final int WINDOW_WIDTH = 1280;
    private static final int WINDOW_HEIGHT = 960;
    /** The participant code of a pilot run without --participant. */
    static final String PILOT_CODE = "PILOT";

    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "A protocol file or built-in name.")
    String protocolName;

    @Option(names = "--participant", paramLabel = "CODE",
            description = "Pseudonymous participant code; without it the station asks for it on screen.")
    String participant;

    @Option(names = "--screen", paramLabel = "N",
            description = "Monitor to fill, numbered from 0 (default: the station profile's, else 0).")
    Integer screen;

    @Option(names = "--station", paramLabel = "FILE",
            description = "The station profile (station.json): screen, screen width, viewing distance, photodiode,"
                    + " trigger port and the gamma from tandem calibrate gamma. Options given here win over it.")
    Path stationFile;

    @Option(names = "--windowed", description = "A " + WINDOW_WIDTH + "x" + WINDOW_HEIGHT
            + " window instead of full screen (for trying a protocol out, not for data).")
    boolean windowed;

    @Option(names = "--resume", arity = "0..1", fallbackValue = "", paramLabel = "SESSION_ID",
            description = "Continue a stored session at its first unanswered trial: the given one, or without an id"
                    + " the --participant's latest unfinished session of this protocol.")
    String resume;

    @Option(names = "--variant", paramLabel = "V", description = "Protocol variant (default: the protocol as written).")
    String variant;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the trial order (default: derived from the participant code, so each participant"
                    + " gets their own order and the same code always the same one).")
    Long seed;

    @Option(names = "--age", paramLabel = "YEARS", description = "Optional demographics: the participant's age.")
    Integer age;

    @Option(names = "--sex", paramLabel = "TEXT", description = "Optional demographics: sex as the participant gives it.")
    String sex;

    @Option(names = "--handedness", paramLabel = "TEXT",
            description = "Optional demographics: handedness (e.g. right). Demographics are stored apart from the code"
                    + " and exported only with tandem export --include-demographics.")
    String handedness;

    @Option(names = "--study", defaultValue = "default", paramLabel = "NAME",
            description = "Study the session belongs to (default: default).")
    String study;

    @Option(names = "--distance-cm", paramLabel = "D", description = "Viewing distance in cm (with --screen-width-cm).")
    Double distanceCm;

    @Option(names = "--screen-width-cm", paramLabel = "W",
            description = "Width of the visible screen area in cm (with --distance-cm); stored with pixels per degree.")
    Double screenWidthCm;

    @Option(names = "--photodiode", paramLabel = "SIZE[,CORNER]",
            description = "Draw a square of SIZE pixels in a corner (bottom-left unless top-left, top-right or"
                    + " bottom-right is given), white on the frames of stimulus images and black otherwise, for a light"
                    + " sensor that measures the true onsets (e.g. 40 or 40,top-right; default: none).")
    String photodiode;

    @Option(names = "--trigger-port", paramLabel = "DEVICE",
            description = "Send a trigger byte on this serial port right after the flip that starts each event: trial"
                    + " start 1, fixation 2, stimulus onset 3, response 4 (when read), trial end 5; each send time is"
                    + " stored as a trigger event of the trial (e.g. /dev/ttyUSB0; default: no triggers).")
    String triggerPort;

    @Option(names = "--trigger-baud", paramLabel = "BAUD", defaultValue = "115200",
            description = "The trigger port's speed (8 data bits, no parity, 1 stop bit; default: ${DEFAULT-VALUE}).")
    int triggerBaud;

    @Option(names = "--pilot", arity = "0..1", fallbackValue = PilotParticipant.CORRECT, paramLabel = "ANSWERS",
            description = "Pilot run: the station runs the protocol at full timing and answers itself (correct: each"
                    + " trial's correct answer, the default; random), after 350-900 ms, so the protocol, its timing and"
                    + " its data can be checked before testing anyone. The session is marked as a pilot (participant"
                    + " PILOT unless --participant) and left out of tandem analyze unless --include-pilots.")
    String pilot;

    @Option(names = "--allow-unstable-timing",
            description = "Run even when the refresh check fails (no nominal rate, SD over 0.5 ms, or rate over 1 %%"
                    + " off); the failure is stored with the session.")
    boolean allowUnstableTiming;

    @Option(names = "--announce-screens", hidden = true,
            description = "Print 'SCREEN <name> <trial> <flip-ns>' when a waiting screen is up, 'BOX <label-index> <x> <y> <w> <h>' per label box and 'COMMITTED <trial>'"
                    + " after each commit (for the robot-participant tests; see DEVELOPERS.md).")
    boolean announceScreens;

    @Mixin
    DbOptions db;

    @Mixin
    PushOptions pushing;

    @Mixin
    BackupOptions backups;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Studies.checkName(study);
        StationProfile profile = stationFile == null ? StationProfile.EMPTY : StationProfile.read(stationFile);
        applyProfile(profile);
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(protocolName);
        Protocol protocol = source.read();
        StationFacts.Viewing viewing = viewing();
        DisplaySizes.requireGeometry(protocol, viewing != null);
        StimulusLibrary library = ProtocolStimuli.library(source, protocol);
        PrintWriter out = spec.commandLine().getOut();
        Demographics demographics = age == null && sex == null && handedness == null ? null
                : new Demographics(age, sex, handedness);
        try (TandemStore store = db.open(); LabServerPush push = pushing.start(store, out)) {
            if (resume != null && (seed != null || variant != null)) {
                throw new TandemException("a resumed session keeps the seed and variant it was started with; leave out"
                        + " --seed and --variant with --resume");
            }
            SessionSummary resumed = resume == null ? null
                    : HumanSessionRunner.find(store, resume, participant, protocol);
            if (resumed != null && participant != null && !participant.equals(resumed.participant())) {
                throw new TandemException("session " + resumed.sessionId() + " belongs to participant "
                        + resumed.participant() + ", not " + participant);
            }
            requireDisplay(GlPlatform.current());
            WindowSettings window = windowed ? WindowSettings.windowed(WINDOW_WIDTH, WINDOW_HEIGHT)
                    : WindowSettings.fullscreen(screen);
            try (Station station = Station.open(window, allowUnstableTiming);
                 TriggerPort triggers = triggerPort == null ? TriggerPort.NONE
                         : SerialTriggerPort.open(triggerPort, triggerBaud)) {
                station.loop().useTriggers(new Triggers(triggers, TriggerCodes.DEFAULT));
                station.canvas().useLinearisation(profile.gamma() == null ? null : profile.gamma().lut());
                PhotodiodeMarker marker = photodiode == null ? null : PhotodiodeMarker.parse(photodiode);
                station.loop().usePhotodiode(marker);
                out.println(station.refreshCheck().describe());
                List<FrameConversion> conversions = FrameConversions.of(protocol.timing(), station.refreshHz());
                conversions.forEach(c -> out.println("  " + c.describe()));
                out.flush();
                Map<String, String> facts = StationFacts.of(station, windowed ? "windowed" : Integer.toString(screen),
                        conversions, allowUnstableTiming, viewing);
                facts.put("triggers.port", triggers.describe());
                facts.put("photodiode", marker == null ? "none" : marker.describe());
                facts.put("gamma", profile.gamma() == null ? "none (not linearised)" : profile.gamma().fit());
                if (stationFile != null) {
                    facts.put("station.profile", stationFile.toAbsolutePath().toString());
                }
                if (triggerPort != null) {
                    facts.put("triggers.codes", TriggerCodes.DEFAULT.describe());
                }
                FramePlan frames = FramePlan.of(conversions);
                if (pilot != null) {
                    facts.put("pilot", "true");
                }
                if (resumed != null) {
                    TrialPlan plan = Planner.plan(protocol, resumed.variant(), resumed.seed());
                    HumanSessionRunner runner = runner(store, library, station, protocol, plan, resumed.participant(),
                            facts, out);
                    run(out, store, protocol, runner, resumed.sessionId(), () -> runner.resume(resumed, protocol, frames, facts,
                            progress(out, plan)));
                } else {
                    String code = participant != null ? participant
                            : pilot != null ? PILOT_CODE : ParticipantCodeEntry.ask(station, watcher(out));
                    if (demographics != null) {
                        store.ensureParticipant(code, demographics);
                    }
                    long chosenSeed = seed != null ? seed : seedOf(code);
                    TrialPlan plan = Planner.plan(protocol, variant, chosenSeed);
                    HumanSessionRunner runner = runner(store, library, station, protocol, plan, code, facts, out);
                    run(out, store, protocol, runner, null, () -> runner.start(study, source, protocol, variant, chosenSeed, code,
                            frames, facts, progress(out, plan)));
                }
            }
        }
        out.flush();
    }

    /** Fills the options not given on the command line from the station profile. */
    private void applyProfile(StationProfile profile) {
        if (screen == null) {
            screen = profile.screen() != null ? profile.screen() : 0;
        }
        if (distanceCm == null && screenWidthCm == null) {
            distanceCm = profile.distanceCm();
            screenWidthCm = profile.screenWidthCm();
        }
        if (photodiode == null) {
            photodiode = profile.photodiode();
        }
        if (triggerPort == null && profile.triggers() != null) {
            triggerPort = profile.triggers().port();
            if (profile.triggers().baud() != null) {
                triggerBaud = profile.triggers().baud();
            }
        }
    }

    /** The session's runner; in a pilot run the station's own participant answers, seeded by the plan's seed. */
    private HumanSessionRunner runner(TandemStore store, StimulusLibrary library, Station station, Protocol protocol,
                                      TrialPlan plan, String participantCode, Map<String, String> facts,
                                      PrintWriter out) {
        ResponseRules rules = ResponseRules.forParticipant(protocol, KeyboardLayout.active(), participantCode);
        facts.put("keys.assignment", KeyCounterbalance.describe(protocol, participantCode));
        facts.put("keys.map", rules.describeKeys());
        ScreenWatcher watcher = watcher(out);
        if (pilot != null) {
            PilotParticipant robot = new PilotParticipant(station.input(), plan, rules, pilot, plan.seed());
            facts.put("pilot.answers", robot.describe());
            watcher = robot.and(watcher);
        }
        StationFacts.Viewing viewing = viewing();
        VisualAngle angle = viewing == null ? null
                : new VisualAngle(viewing.distanceCm(), viewing.screenWidthCm(), station.window().width());
        return new HumanSessionRunner(store, library, station, watcher, angle);
    }

    /**
     * Runs the session; a stop on the pause screen is reported with how to continue, not as an error. A new session's
     * id is the store's latest once the count of sessions has grown: the store's file lock keeps other writers out.
     */
    private void run(PrintWriter out, TandemStore store, Protocol protocol, HumanSessionRunner runner, String knownId,
                     Runnable session) {
        int sessionsBefore = store.sessions().size();
        try {
            session.run();
        } catch (SessionAbortedException e) {
            out.println("Stopped: " + e.getMessage() + ".");
            String id = knownId != null ? knownId : newSessionId(store, sessionsBefore);
            if (id != null) {
                out.println(runner.recordTimingSummary(id).describe());
                out.println("Continue with: " + resumeCommand(id));
            }
            return;
        } catch (RuntimeException e) {
            // a crash (a lost display, a failed commit): every stored answer is kept, so say how to go on
            String id = knownId != null ? knownId : newSessionId(store, sessionsBefore);
            if (id != null) {
                out.println("The session stopped; every answer stored so far is kept. Continue with: "
                        + resumeCommand(id));
                out.flush();
            }
            throw e;
        }
        String id = knownId != null ? knownId : newSessionId(store, sessionsBefore);
        out.println(runner.recordTimingSummary(id).describe());
        SessionSummary done = store.sessions(SessionFilter.session(id)).get(0);
        out.println("Session " + id + " " + done.status().code() + ": " + done.trialsDone() + "/"
                + done.trialsPlanned() + " trials  " + SessionSummaryLine.of(protocol.task(),
                store.trials(SessionFilter.session(id))));
        if (done.status() == SessionStatus.COMPLETED) {
            backups.afterCompletedSession(store, out);
        }
    }

    /**
     * The command that continues session {@code id} at this station: the protocol and every option the resumed run
     * needs (database, screen, timing and viewing options, backups); the password is asked for, never printed.
     */
    String resumeCommand(String id) {
        List<String> words = new java.util.ArrayList<>(List.of("tandem", "run", protocolName, "--resume", id,
                "--db", db.argument()));
        if (db.encrypted()) {
            words.add("--db-password");
        }
        if (pushing.server != null && !pushing.server.isBlank()) {
            words.addAll(List.of("--push-to", pushing.server));
        }
        if (stationFile != null) {
            words.addAll(List.of("--station", stationFile.toAbsolutePath().toString()));
        }
        if (windowed) {
            words.add("--windowed");
        } else {
            words.addAll(List.of("--screen", Integer.toString(screen)));
        }
        if (allowUnstableTiming) {
            words.add("--allow-unstable-timing");
        }
        if (distanceCm != null) {
            words.addAll(List.of("--distance-cm", distanceCm.toString(), "--screen-width-cm", screenWidthCm.toString()));
        }
        if (pilot != null) {
            words.add("--pilot=" + pilot);
        }
        if (photodiode != null) {
            words.addAll(List.of("--photodiode", photodiode));
        }
        if (triggerPort != null) {
            words.addAll(List.of("--trigger-port", triggerPort, "--trigger-baud", Integer.toString(triggerBaud)));
        }
        if (backups.dir != null) {
            words.addAll(List.of("--backup-dir", backups.dir.toAbsolutePath().toString(), "--keep-backups",
                    Integer.toString(backups.keep)));
        }
        return String.join(" ", words.stream().map(RunCommand::shellWord).toList());
    }

    /** A word as a POSIX shell reads it back: quoted when it holds anything but safe characters. */
    static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static String newSessionId(TandemStore store, int sessionsBefore) {
        List<SessionSummary> all = store.sessions();
        return all.size() > sessionsBefore ? all.get(all.size() - 1).sessionId() : null;
    }

    /** One terminal line per finished block; with --announce-screens also one per commit. */
    private SessionProgress progress(PrintWriter out, TrialPlan plan) {
        return (trial, response, done, total) -> {
            if (announceScreens) {
                out.println("COMMITTED " + trial.index());
            }
            boolean blockEnds = trial.index() + 1 == plan.size()
                    || !plan.trial(trial.index() + 1).block().equals(trial.block());
            if (blockEnds) {
                out.println("block " + trial.block() + " done: " + done + "/" + total + " trials stored");
            }
            out.flush();
        };
    }

    /** With --announce-screens: a line per waiting screen, and the label boxes (canvas pixels) once, for clicks. */
    private ScreenWatcher watcher(PrintWriter out) {
        if (!announceScreens) {
            return ScreenWatcher.NONE;
        }
        boolean[] boxesTold = {false};
        return (name, trialIndex, screen, flipNanos) -> {
            if (screen instanceof ResponseScreen response && !boxesTold[0]) {
                for (int i = 0; i < response.boxes().size(); i++) {
                    LabelBox b = response.boxes().get(i);
                    out.println("BOX " + i + " " + b.x() + " " + b.y() + " " + b.width() + " " + b.height());
                }
                boxesTold[0] = true;
            }
            out.println("SCREEN " + name + " " + trialIndex + " " + flipNanos);
            out.flush();
        };
    }

    /** Without X the station could draw (off screen, EGL) but never hear a key, so it would wait for ever. */
    static void requireDisplay(GlPlatform platform) {
        if (platform != GlPlatform.X11) {
            throw new TandemException("tandem run needs a display for the participant: DISPLAY is not set (run it at"
                    + " the testing machine's desktop, or under xvfb-run to try it out)");
        }
    }

    private StationFacts.Viewing viewing() {
        if ((distanceCm == null) != (screenWidthCm == null)) {
            throw new TandemException("give --distance-cm and --screen-width-cm together (or neither)");
        }
        if (distanceCm == null) {
            return null;
        }
        if (distanceCm <= 0 || screenWidthCm <= 0) {
            throw new TandemException("--distance-cm and --screen-width-cm must be positive, got " + distanceCm
                    + " and " + screenWidthCm);
        }
        return new StationFacts.Viewing(distanceCm, screenWidthCm);
    }

    /** A participant's default seed: the first 8 bytes of the code's SHA-256, mixed by SplitMix64. */
    static long seedOf(String code) {
        String hex = CanonicalJson.sha256(code);
        return new SplitMix64(Long.parseUnsignedLong(hex.substring(0, 16), 16)).nextLong();
    }
}
