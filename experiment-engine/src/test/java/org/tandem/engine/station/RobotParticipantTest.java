package org.tandem.engine.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.Demographics;
import org.tandem.data.SessionEvent;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.data.TidyExport;
import org.tandem.engine.cli.TandemCli;
import org.tandem.presenter.triggers.PseudoTerminalPair;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.KeyCounterbalance;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

/**
 * End to end at a real X display (Xvfb in CI): {@code tandem run} in a child JVM, answered by xdotool by a rule,
 * killed with SIGKILL mid-session, resumed with {@code --resume}, then checked in the database: every trial once,
 * the injected answers, RTs that fall between the injection's start and end on the shared monotonic clock, onsets in
 * plan order, and the frame counts of the stored conversions.
 */
class RobotParticipantTest {
    private static final long SEED = 7;
    private static final String PARTICIPANT = "ROBOT-1";
    /** How late a stamped event may follow the injecting call's return: delivery and the next poll, with slack. */
    private static final long DELIVERY_SLACK_NANOS = 2_000_000_000L;
    private static final Pattern FRAMES = Pattern.compile("-> (\\d+) frames");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsAnXDisplayAndXdotool() throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank(),
                "the robot participant needs an X display: run under xvfb-run -a -s \"-screen 0 1280x1024x24 -noreset\"");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v xdotool").start().waitFor() == 0,
                "the robot participant needs xdotool (apt-get install xdotool)");
    }

    @Test
    void twoAfcByKeysSurvivesAPauseAKillAndAStopAndCompletesOnResume() throws Exception {
        Path protocolFile = shortened("expression-2afc-happy-sad", "[0, 30, 70, 100]", 2,
                "{\"fixation\": {\"ms\": 50}, \"stimulus\": {\"ms\": 100}, \"responseWindow\": {\"ms\": 5000},"
                        + " \"iti\": {\"ms\": 50}}");
        TrialPlan plan = plan(protocolFile);
        RobotParticipant robot = new RobotParticipant(PARTICIPANT, plan,
                t -> RobotParticipant.Answer.key(t.numericLevel("happiness") > 50 ? "a" : "s"));
        robot.pauseAt(3, "r");
        assertThat(robot.drive(child(protocolFile, List.of()), 5)).as("killed").isEqualTo(-1);
        String sessionId = onlySession().sessionId();
        assertThat(onlySession().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(stored(sessionId)).hasSize(5);

        robot.pauseAt(7, "q");
        assertThat(robot.drive(child(protocolFile, List.of("--resume")), 0)).isZero();
        assertThat(robot.output).anyMatch(l -> l.startsWith("Stopped:"))
                .anyMatch(l -> l.startsWith("Timing (run 2): "));
        String continueWith = robot.output.stream().filter(l -> l.startsWith("Continue with: ")).findFirst()
                .orElseThrow().substring("Continue with: ".length());
        assertThat(continueWith).startsWith("tandem run " + protocolFile + " --resume " + sessionId + " --db ")
                .contains("--windowed", "--allow-unstable-timing");
        assertThat(onlySession().status()).isEqualTo(SessionStatus.ABORTED);
        assertThat(stored(sessionId)).hasSize(7);

        // the printed command, pasted as it is, continues the session
        assertThat(robot.drive(pasted(continueWith), 0)).isZero();
        assertCompleted(plan, robot, t -> t.numericLevel("happiness") > 50 ? "happy" : "sad", 1);
        assertThat(robot.output).anyMatch(l -> l.startsWith("block main done: " + plan.size() + "/" + plan.size()));
        assertThat(stored(sessionId)).extracting(r -> r.response().presentation().runSegment())
                .as("three runs: killed, stopped, completed").containsOnly(1, 2, 3).contains(1, 2, 3);
        assertTimingExported();
        assertThat(events()).filteredOn(r -> r.get("kind").equals("station")).extracting(r -> r.get("clock_ms"))
                .as("a station row with its refresh check per run").hasSize(3).doesNotContain("");
        assertThat(events()).filteredOn(r -> r.get("kind").equals("timing-summary")).hasSize(2);
        assertThat(events()).filteredOn(r -> r.get("kind").equals("pause")).extracting(r -> r.get("trial"))
                .containsExactly("3");
        assertThat(events()).filteredOn(r -> r.get("kind").equals("stopped")).extracting(r -> r.get("trial"))
                .containsExactly("7");
        assertThat(events()).filteredOn(r -> r.get("kind").equals("re-presented")).extracting(r -> r.get("trial"))
                .containsExactly("3");
    }

    @Test
    void aMaskedProtocolRunsAtTheStationUnderItsOwnHash() throws Exception {
        Path protocolFile = shortened("expression-2afc-happy-sad-mask-mouth", "[0, 100]", 1,
                "{\"fixation\": {\"ms\": 50}, \"stimulus\": {\"ms\": 100}, \"iti\": {\"ms\": 50}}");
        Protocol protocol = ProtocolReader.read(Files.readString(protocolFile), protocolFile.toString());
        assertThat(protocol.taskStimulusSet().mask()).isEqualTo("mouth");
        TrialPlan plan = plan(protocolFile);
        RobotParticipant robot = new RobotParticipant(PARTICIPANT, plan,
                t -> RobotParticipant.Answer.key(t.numericLevel("happiness") > 50 ? "a" : "s"));
        assertThat(robot.drive(child(protocolFile, List.of()), 0)).isZero();
        assertCompleted(plan, robot, t -> t.numericLevel("happiness") > 50 ? "happy" : "sad", 1);
        // the mask is part of the protocol stored with the session (its images: MaskedStimulusOnScreenTest)
        assertThat(onlySession().protocolSha256()).isEqualTo(Planner.protocolSha256(protocol));
    }

    @Test
    void aPhotoContinuumProtocolRunsAtTheStationFromItsFolder() throws Exception {
        // a continuum folder written by tandem stimuli continuum: a stand-in for a photo continuum, whose manifest has
        // the same columns (file, identity, expression, continuum, level, face box)
        picocli.CommandLine cli = TandemCli.commandLine(false);
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(cli.execute("stimuli", "continuum", "--from", "sad", "--to", "happy", "--levels", "21", "--out",
                dir.resolve("continua").toString())).isZero();
        Path protocolFile = shortened("expression-2afc-happy-sad", "[0, 30, 70, 100]", 1,
                "{\"fixation\": {\"ms\": 50}, \"stimulus\": {\"ms\": 100}, \"iti\": {\"ms\": 50}}");
        ObjectNode photos = (ObjectNode) new ObjectMapper().readTree(protocolFile.toFile());
        photos.set("stimulusSets", new ObjectMapper().readTree("[{\"name\": \"kdef-continua\", \"path\":"
                + " \"continua/manifest.csv\", \"identity\": \"average\", \"mask\": \"eyes\"}]"));
        Files.writeString(protocolFile, photos.toString());
        TrialPlan plan = plan(protocolFile);
        assertThat(plan.trials()).allSatisfy(t -> assertThat(t.stimuli().get(0).stimulus().set())
                .isEqualTo("kdef-continua"));
        RobotParticipant robot = new RobotParticipant(PARTICIPANT, plan,
                t -> RobotParticipant.Answer.key(t.numericLevel("happiness") > 50 ? "a" : "s"));
        assertThat(robot.drive(child(protocolFile, List.of()), 0)).isZero();
        assertCompleted(plan, robot, t -> t.numericLevel("happiness") > 50 ? "happy" : "sad", 1);
        // the images on screen are the folder's, masked: PhotoStimulusOnScreenTest
    }

    @Test
    void withAStationProfileDegreeSizesAPhotodiodeAndAGammaTriggersOfEveryTrialArriveInOrder() throws Exception {
        assumeTrue(PseudoTerminalPair.available(), "socat is needed (apt-get install socat)");
        Path protocolFile = shortened("expression-2afc-happy-sad", "[0, 100]", 2,
                "{\"fixation\": {\"ms\": 50}, \"stimulus\": {\"ms\": 100}, \"iti\": {\"ms\": 50}}");
        // the face 6 degrees wide and the cross 0.5 degrees, for a viewer at 57 cm from a screen 53 cm wide
        ObjectNode withDegrees = (ObjectNode) new ObjectMapper().readTree(protocolFile.toFile());
        withDegrees.set("display", new ObjectMapper().readTree("{\"stimulusWidthDeg\": 6, \"fixationDeg\": 0.5}"));
        Files.writeString(protocolFile, withDegrees.toString());
        TrialPlan plan = plan(protocolFile);
        RobotParticipant robot = new RobotParticipant(PARTICIPANT, plan,
                t -> RobotParticipant.Answer.key(t.numericLevel("happiness") > 50 ? "a" : "s"));
        try (PseudoTerminalPair cable = PseudoTerminalPair.open(dir);
             java.io.InputStream box = Files.newInputStream(cable.box())) {
            // the trigger box: reads every byte the station sends, while the session runs
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    for (int i = 0; i < 5 * plan.size(); i++) {
                        received.write(box.read());
                    }
                } catch (java.io.IOException e) {
                    // the cable closed: the assertion below names what arrived
                }
            });
            reader.setDaemon(true);
            reader.start();
            // the station profile: gamma from photometer readings, then the viewing geometry and photodiode added
            Path readings = dir.resolve("readings.csv");
            Files.writeString(readings, "level,luminance\n0,0.5\n64,6.2\n128,26.6\n192,64.6\n255,118.4\n");
            Path profile = dir.resolve("station.json");
            picocli.CommandLine cli = TandemCli.commandLine(false);
            cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
            assertThat(cli.execute("calibrate", "gamma", "--measurements", readings.toString(), "--station",
                    profile.toString())).isZero();
            ObjectNode station = (ObjectNode) new ObjectMapper().readTree(profile.toFile());
            station.put("distanceCm", 57).put("screenWidthCm", 53).put("photodiode", "40,top-right");
            Files.writeString(profile, station.toString());
            assertThat(robot.drive(child(protocolFile, List.of("--trigger-port", cable.station().toString(),
                    "--station", profile.toString())), 0)).isZero();
            reader.join(10_000);
            byte[] expected = new byte[5 * plan.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) (1 + i % 5); // trial start, fixation, stimulus onset, response, trial end
            }
            assertThat(received.toByteArray()).containsExactly(expected);
        }
        assertCompleted(plan, robot, t -> t.numericLevel("happiness") > 50 ? "happy" : "sad", 1);
        assertThat(onlySession().stationInfo().get("triggers.port")).endsWith("station-tty at 115200 baud");
        assertThat(onlySession().stationInfo()).containsEntry("photodiode", "40 px, top-right")
                .containsEntry("viewing.distance_cm", "57.0000").containsEntry("viewing.screen_width_cm", "53.0000")
                .containsKey("station.profile");
        assertThat(onlySession().stationInfo().get("gamma")).startsWith("gamma 2.").contains("5 readings");
        assertTimingExported();
        List<CSVRecord> triggers = events().stream().filter(r -> r.get("kind").equals("trigger")).toList();
        assertThat(triggers).hasSize(5 * plan.size());
        for (int i = 0; i < triggers.size(); i++) {
            assertThat(triggers.get(i).get("detail")).isEqualTo(Integer.toString(1 + i % 5));
            assertThat(triggers.get(i).get("trial")).isEqualTo(Integer.toString(i / 5));
        }
        for (org.tandem.protocols.record.TrialRecord r : stored(onlySession().sessionId())) {
            // the stimulus-onset code goes out right after the onset flip
            java.math.BigDecimal onset = java.math.BigDecimal.valueOf(r.response().timing().onsetNanos()).movePointLeft(6);
            java.math.BigDecimal sent = new java.math.BigDecimal(triggers.get(5 * r.trial().index() + 2).get("clock_ms"));
            assertThat(sent).isGreaterThanOrEqualTo(onset);
        }
    }

    @Test
    void pilotRunsAnswerThemselvesAtFullTimingAreLeftOutOfTheAnalysisUnlessAskedAndShowTheKeyCounterbalance()
            throws Exception {
        Path protocolFile = shortened("expression-2afc-happy-sad", "[0, 30, 70, 100]", 1,
                "{\"fixation\": {\"ms\": 50}, \"stimulus\": {\"ms\": 100}, \"iti\": {\"ms\": 50},"
                        + " \"counterbalanceKeys\": true}");
        Protocol protocol = ProtocolReader.read(Files.readString(protocolFile), protocolFile.toString());
        TrialPlan plan = plan(protocolFile);
        // one participant of each key assignment
        String reversed = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "PILOT-" + i)
                .filter(c -> KeyCounterbalance.reversed(protocol, c)).findFirst().orElseThrow();
        String asWritten = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "PILOT-" + i)
                .filter(c -> !KeyCounterbalance.reversed(protocol, c)).findFirst().orElseThrow();
        for (String participant : List.of(asWritten, reversed)) {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), TandemCli.class.getName(), "run",
                    protocolFile.toString(), "--pilot", "--participant", participant, "--windowed",
                    "--allow-unstable-timing", "--seed", Long.toString(SEED), "--db", dir.resolve("robot").toString()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes());
            assertThat(child.waitFor()).as(output).isZero();
        }

        List<SessionSummary> sessions;
        try (TandemStore store = open()) {
            sessions = store.sessions();
        }
        assertThat(sessions).extracting(SessionSummary::participant).containsExactly(asWritten, reversed);
        assertThat(sessions.get(0).stationInfo()).containsEntry("keys.map", "happy=A sad=S");
        assertThat(sessions.get(1).stationInfo()).containsEntry("keys.map", "happy=S sad=A")
                .containsEntry("keys.assignment", KeyCounterbalance.REVERSED);
        for (SessionSummary session : sessions) {
            assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(session.stationInfo()).containsEntry("pilot", "true").containsKey("pilot.answers");
            assertThat(stored(session.sessionId())).hasSize(plan.size());
            for (TrialRecord r : stored(session.sessionId())) {
                // the pilot presses the key this participant was given, so every answer is still the correct one
                assertThat(r.response().answer()).isEqualTo(r.trial().correctAnswer());
                // scheduled 350-900 ms after the response screen; RT counts from the onset, 100 ms earlier
                assertThat(r.response().rtMs()).isBetween(350.0, 900.0 + 100 + 1000);
            }
        }

        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = TandemCli.commandLine(false);
        cli.setErr(new java.io.PrintWriter(err));
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        String db = dir.resolve("robot").toString();
        Path report = dir.resolve("report");
        assertThat(cli.execute("analyze", "--db", db, "--out", report.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is a pilot run").contains("--include-pilots");
        assertThat(cli.execute("analyze", "--db", db, "--out", report.toString(), "--include-pilots",
                "--bootstrap", "0")).as(err.toString()).isZero();
        JsonNode keys = new ObjectMapper().readTree(report.resolve("results.json").toFile()).get("keyAssignments");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("firstLabel").asText()).isEqualTo("happy");
        assertThat(keys.get(0).get("groups")).extracting(g -> g.get("keys").asText())
                .containsExactly("happy=A sad=S", "happy=S sad=A");
        assertThat(keys.get(0).get("groups")).extracting(g -> g.get("sessions").asInt()).containsExactly(1, 1);
        assertThat(keys.get(0).get("test").get("p").asDouble()).as("both answered every trial correctly").isEqualTo(1.0);
        assertThat(Files.readString(report.resolve("report.html"))).contains("Counterbalanced response keys");
    }

    @Test
    void onAFrenchKeyboardTheKeysPrintedAAndSAnswerAndQStops() throws Exception {
        Path protocolFile = shortened("expression-2afc-happy-sad", "[0, 100]", 2,
                "{\"fixation\": {\"ms\": 50}, \"stimulus\": {\"ms\": 100}, \"iti\": {\"ms\": 50}}");
        TrialPlan plan = plan(protocolFile);
        RobotParticipant robot = new RobotParticipant(PARTICIPANT, plan,
                t -> RobotParticipant.Answer.key(t.numericLevel("happiness") > 50 ? "a" : "s"));
        robot.pauseAt(2, "q");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v setxkbmap").start().waitFor() == 0,
                "setxkbmap is needed (apt-get install x11-xkb-utils)");
        setxkbmap("fr");
        try {
            // xdotool types the keysym: 'a' comes from the key printed A, where a US keyboard has Q
            assertThat(robot.drive(child(protocolFile, List.of()), 0)).isZero();
            assertThat(robot.output).anyMatch(l -> l.startsWith("Stopped:"));
            assertThat(stored(onlySession().sessionId())).hasSize(2);
            assertThat(robot.drive(child(protocolFile, List.of("--resume")), 0)).isZero();
        } finally {
            setxkbmap("us");
        }
        assertCompleted(plan, robot, t -> t.numericLevel("happiness") > 50 ? "happy" : "sad", 1);
        assertThat(onlySession().stationInfo().get("keyboard")).contains("azertyuiop");
    }

    @Test
    void sixWayWithTheCodeTypedOnScreenAndClicksOnTheLabelsSurvivesAKill() throws Exception {
        Path protocolFile = shortened("expression-6way", "[\"01\"]", 1,
                "{\"fixation\": {\"ms\": 50}, \"stimulus\": {\"ms\": 100}, \"iti\": {\"ms\": 50}}");
        TrialPlan plan = plan(protocolFile);
        List<String> labels = List.of("anger", "disgust", "fear", "happiness", "sadness", "surprise");
        RobotParticipant robot = new RobotParticipant(PARTICIPANT, plan, t -> RobotParticipant.Answer.click(labels.indexOf(t.correctAnswer())));
        assertThat(robot.drive(child(protocolFile, List.of("--age", "34", "--handedness", "right"), false), 8))
                .isEqualTo(-1);
        assertThat(robot.output).anyMatch(l -> l.startsWith("SCREEN participant-code"));
        assertThat(robot.drive(child(protocolFile, List.of("--resume")), 0)).isZero();
        assertCompleted(plan, robot, Trial::correctAnswer, 1);
        try (TandemStore store = open()) {
            // the demographics given with the typed code are stored under it, apart from the sessions
            assertThat(store.demographics(PARTICIPANT)).contains(new Demographics(34, null, "right"));
        }
    }

    @Test
    void abxByKeysIgnoresAnswersBeforeXShowsThreeImagesPerTrialAndSurvivesAKill() throws Exception {
        Path protocolFile = shortened("expression-abx", "[0, 20, 80, 100]", 1,
                "{\"fixation\": {\"ms\": 50}, \"stimulus\": {\"ms\": 1000}, \"isi\": {\"ms\": 500},"
                        + " \"iti\": {\"ms\": 50}}");
        TrialPlan plan = plan(protocolFile);
        RobotParticipant robot = new RobotParticipant(PARTICIPANT, plan,
                t -> RobotParticipant.Answer.key(t.correctAnswer().equals("A") ? "f" : "j"));
        // the wrong answer, pressed while A is still coming up (X follows 3 s later at a paced display; Xvfb's unpaced
        // flips may shorten that several times, still far longer than xdotool takes): it must not count
        robot.pressEarly(t -> t.correctAnswer().equals("A") ? "j" : "f");
        assertThat(robot.drive(child(protocolFile, List.of()), 9)).isEqualTo(-1);
        assertThat(robot.drive(child(protocolFile, List.of("--resume")), 0)).isZero();
        assertCompleted(plan, robot, Trial::correctAnswer, 3);

        assertTimingExported();
        List<CSVRecord> trials = csv(dir.resolve("export/trials.csv"));
        for (CSVRecord row : trials) {
            assertThat(row.get("answer_opens_ms")).as("the answer window opens at X").isEqualTo(row.get("x_onset_ms"));
            assertThat(new java.math.BigDecimal(row.get("a_onset_ms")))
                    .isLessThan(new java.math.BigDecimal(row.get("b_onset_ms")));
            assertThat(new java.math.BigDecimal(row.get("b_offset_ms")))
                    .isLessThanOrEqualTo(new java.math.BigDecimal(row.get("x_onset_ms")));
        }
        // every trial after a commit got an early key, except those behind a break or a block's instructions (which
        // wait for Space and ignore other keys) and the first one after the kill
        java.util.Set<String> expectedEarly = new java.util.TreeSet<>();
        for (Trial t : plan.trials()) {
            boolean blockStarts = t.index() > 0 && !plan.trial(t.index() - 1).block().equals(t.block());
            if (t.index() > 0 && !t.breakBefore() && !blockStarts && t.index() != 9) {
                expectedEarly.add(Integer.toString(t.index()));
            }
        }
        assertThat(events()).filteredOn(r -> r.get("kind").equals("early-key")).extracting(r -> r.get("trial"))
                .containsAll(expectedEarly);
    }

    private void assertCompleted(TrialPlan plan, RobotParticipant robot, Function<Trial, String> expected, int images)
            throws Exception {
        SessionSummary session = onlySession();
        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(session.participant()).isEqualTo(PARTICIPANT);
        List<TrialRecord> records = stored(session.sessionId());
        assertThat(records).hasSize(plan.size());
        Set<Integer> allowedRequested = requestedFrames(session, images);
        long previousOnset = Long.MIN_VALUE;
        for (TrialRecord r : records) {
            Trial trial = r.trial();
            assertThat(trial).isEqualTo(plan.trial(trial.index()));
            assertThat(r.response().answer()).as("answer to trial %d", trial.index()).isEqualTo(expected.apply(trial));
            FrameTiming timing = r.response().timing();
            RobotParticipant.Injection injection = robot.injections.get(trial.index());
            long event = r.response().presentation().answerOpensNanos() + Math.round(r.response().rtMs() * 1e6);
            assertThat(r.response().rtMs()).isPositive();
            assertThat(event).as("event of trial %d after the injection started", trial.index())
                    .isGreaterThanOrEqualTo(injection.sentNanos());
            assertThat(event).isLessThanOrEqualTo(injection.doneNanos() + DELIVERY_SLACK_NANOS);
            assertThat(timing.onsetNanos()).as("onsets in plan order").isGreaterThan(previousOnset);
            previousOnset = timing.onsetNanos();
            assertThat(timing.offsetNanos()).isGreaterThan(timing.onsetNanos());
            assertThat(timing.framesRequested()).isIn(allowedRequested);
            // Xvfb does not pace swaps, so intervals jitter around a sub-millisecond "period" and late ones are
            // counted as missed; on a paced monitor frames shown equal frames requested
            assertThat(timing.framesShown()).isGreaterThanOrEqualTo(timing.framesRequested());
            assertThat(timing.missedFrames()).isBetween(0, timing.framesShown());
        }
    }

    /** The frames a trial requests under each run's stored conversions (the first run's and each resume's). */
    private Set<Integer> requestedFrames(SessionSummary session, int images) throws Exception {
        List<Map<String, String>> runs = new ArrayList<>(List.of(session.stationInfo()));
        try (TandemStore store = open()) {
            for (SessionEvent e : store.events(session.sessionId())) {
                if (e.kind().equals("station")) {
                    JsonNode facts = new ObjectMapper().readTree(e.detailJson());
                    Map<String, String> map = new java.util.HashMap<>();
                    facts.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asText()));
                    runs.add(map);
                }
            }
        }
        Set<Integer> allowed = new HashSet<>();
        for (Map<String, String> facts : runs) {
            assertThat(facts).containsKeys("refresh.measured_hz", "refresh.sd_ms", "frames.stimulus");
            int isi = facts.containsKey("frames.isi") ? frames(facts.get("frames.isi")) : 0;
            allowed.add(images * frames(facts.get("frames.stimulus")) + (images - 1) * isi);
        }
        return allowed;
    }

    private static int frames(String conversion) {
        Matcher m = FRAMES.matcher(conversion);
        assertThat(m.find()).as(conversion).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private void assertTimingExported() throws Exception {
        try (TandemStore store = open()) {
            TidyExport.export(store, TidyExport.Options.of(dir.resolve("export"), TidyExport.Format.CSV));
        }
        try (Reader in = Files.newBufferedReader(dir.resolve("export/trials.csv"))) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(in).getRecords();
            assertThat(rows).isNotEmpty();
            for (CSVRecord row : rows) {
                for (String column : List.of("rt_ms", "onset_ms", "offset_ms", "frames_requested", "frames_shown",
                        "missed_frames", "missed_flag", "timing_ok", "requested_ms", "shown_ms", "run_segment",
                        "answer_opens_ms", "screens")) {
                    assertThat(row.get(column)).as(column).isNotEmpty();
                }
                // Xvfb flips unpaced, so faults are expected there; each one is named with both durations
                assertThat(row.get("timing_faults").isEmpty()).isEqualTo(row.get("timing_ok").equals("true"));
            }
        }
        try (Reader in = Files.newBufferedReader(dir.resolve("export/sessions.csv"))) {
            CSVRecord session = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)
                    .getRecords().get(0);
            assertThat(session.get("station_info")).contains("refresh.measured_hz").contains("frames.stimulus");
        }
    }

    private List<CSVRecord> events() throws Exception {
        return csv(dir.resolve("export/events.csv"));
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    /** The command a person would paste: {@code tandem run ...} as the child JVM, its words split as a shell does. */
    private Process pasted(String command) throws Exception {
        List<String> words = new ArrayList<>(List.of(new ProcessBuilder("sh", "-c", "printf '%s\\n' " + command)
                .start().inputReader().lines().toList().toArray(new String[0])));
        assertThat(words.get(0)).isEqualTo("tandem");
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), TandemCli.class.getName()));
        java.addAll(words.subList(1, words.size()));
        java.add("--announce-screens");
        return new ProcessBuilder(java).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void setxkbmap(String layout) throws Exception {
        Process p = new ProcessBuilder("setxkbmap", layout).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("setxkbmap " + layout + " failed: " + out);
        }
    }

    /** A built-in protocol with few trials and short durations, written into the temp folder. */
    private Path shortened(String name, String firstFactorLevels, int repetitions, String timing) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode p = (ObjectNode) json.readTree(BuiltinProtocols.resolve(name).json());
        p.put("id", name + "-robot");
        ((ObjectNode) p.withArray("factors").get(0)).set("levels", json.readTree(firstFactorLevels));
        p.put("repetitions", repetitions);
        ((ObjectNode) p.withArray("blocks").get(0)).put("repetitions", 1);
        p.set("timing", json.readTree(timing));
        p.set("breaks", json.readTree("{\"every\": 3}"));
        p.remove("variants");
        Path file = dir.resolve(name + "-robot.json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(p));
        return file;
    }

    private static TrialPlan plan(Path protocolFile) throws Exception {
        Protocol protocol = ProtocolReader.read(Files.readString(protocolFile), protocolFile.toString());
        return Planner.plan(protocol, SEED);
    }

    private Process child(Path protocolFile, List<String> extra) throws Exception {
        return child(protocolFile, extra, true);
    }

    /** {@code tandem run} in a child JVM; without {@code giveCode} the participant types the code on screen. */
    private Process child(Path protocolFile, List<String> extra, boolean giveCode) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), TandemCli.class.getName(), "run", protocolFile.toString()));
        if (giveCode) {
            command.addAll(List.of("--participant", PARTICIPANT));
        }
        command.addAll(List.of("--windowed", "--allow-unstable-timing", "--announce-screens",
                "--db", dir.resolve("robot").toString()));
        if (!extra.contains("--resume")) {
            command.addAll(List.of("--seed", Long.toString(SEED))); // a resumed session keeps its own
        }
        command.addAll(extra);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private TandemStore open() {
        return TandemStore.open(new StoreOptions(dir.resolve("robot"), null));
    }

    private SessionSummary onlySession() {
        try (TandemStore store = open()) {
            List<SessionSummary> sessions = store.sessions();
            assertThat(sessions).hasSize(1);
            return sessions.get(0);
        }
    }

    private List<TrialRecord> stored(String sessionId) {
        try (TandemStore store = open()) {
            return store.trials(sessionId);
        }
    }
}
