package org.tandem.presenter.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lwjgl.glfw.GLFW.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.FrameConversions;
import org.tandem.presenter.FramePlan;
import org.tandem.presenter.Screenshot;
import org.tandem.presenter.Station;
import org.tandem.presenter.WindowSettings;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Presentation;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.observer.StationEvent;
import org.tandem.protocols.observer.SessionAbortedException;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * A whole session at a real station (X11 under Xvfb, or headless EGL), answered by a robot that puts key presses into
 * the input queue the moment each waiting screen is up, stamped on the flip clock, so every RT is known exactly.
 */
class HumanStationTest {
    private static final Path SHOTS = Path.of("target", "station-screens");

    /** A built-in protocol with short durations and few trials. */
    static Protocol shortened(String name, String timingJson, String factorLevelsJson) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode p = (ObjectNode) json.readTree(BuiltinProtocols.resolve(name).json());
        p.put("id", name + "-short");
        p.set("timing", json.readTree(timingJson));
        ((ObjectNode) p.withArray("factors").get(0)).set("levels", json.readTree(factorLevelsJson));
        p.put("repetitions", 1);
        p.set("breaks", json.readTree("{\"every\": 4}"));
        p.remove("variants");
        return ProtocolReader.read(json.writeValueAsString(p), name + "-short");
    }

    /** Answers every screen the way a participant would, in the input queue; keeps what it did. */
    private static final class Robot implements ScreenWatcher {
        final Map<Integer, Long> injected = new HashMap<>();
        final List<String> screens = new ArrayList<>();
        final Set<String> saved = new HashSet<>();
        Station station;
        Map<Integer, Integer> answerKeys = Map.of();
        int earlyKey;
        List<Integer> script = new ArrayList<>();

        @Override
        public void shown(String name, int trialIndex, org.tandem.presenter.Screen screen, long flipNanos) {
            screens.add(name + " " + trialIndex);
            if (saved.add(name)) {
                station.canvas().clear(org.tandem.presenter.Colour.BACKGROUND);
                screen.draw(station.canvas());
                Raster shot = Screenshot.of(station.canvas());
                RasterFiles.writePng(shot, SHOTS.resolve(name + ".png"));
            }
            if (!script.isEmpty() && !name.equals("feedback")) {
                int key = script.remove(0);
                if (key != 0) {
                    station.input().key(key, flipNanos + 1_000_000);
                }
                return;
            }
            switch (name) {
                case "response" -> {
                    if (earlyKey != 0) {
                        // long before X appeared: ignored, and kept as the trial's early-key event
                        station.input().key(earlyKey, flipNanos - 1_000_000_000L);
                    }
                    long at = flipNanos + 2_000_000 + trialIndex * 100_000L;
                    station.input().key(answerKeys.get(trialIndex), at);
                    injected.put(trialIndex, at);
                }
                case "feedback" -> { }
                default -> station.input().key(GLFW_KEY_SPACE, flipNanos);
            }
        }
    }

    private static List<Response> run(Station station, Protocol protocol, TrialPlan plan, Robot robot) {
        StimulusLibrary library = StimulusLibrary.forProtocol(protocol, Path.of("."));
        FramePlan frames = FramePlan.of(FrameConversions.of(protocol.timing(), station.refreshHz()));
        List<Response> responses = new ArrayList<>();
        try (HumanStation human = new HumanStation(station, protocol, frames, "P-robot", plan, robot)) {
            String block = null;
            for (Trial trial : plan.trials()) {
                if (!trial.block().equals(block)) {
                    block = trial.block();
                    String b = block;
                    human.prepareBlock(plan.trials().stream().filter(t -> t.block().equals(b)).toList(), library);
                }
                responses.add(human.respond(trial, List.of()));
            }
            human.finish("Done.");
        }
        return responses;
    }

    @Test
    void anAbxSessionIsAnsweredByKeysWithExactRtsAndFrameTiming() throws Exception {
        Protocol protocol = shortened("expression-abx",
                "{\"fixation\": {\"frames\": 3}, \"stimulus\": {\"frames\": 5}, \"isi\": {\"frames\": 2}, \"iti\": {\"frames\": 2}}",
                "[0, 20, 80, 100]");
        TrialPlan plan = Planner.plan(protocol, 5);
        Robot robot = new Robot();
        Map<Integer, Integer> keys = new HashMap<>();
        for (Trial t : plan.trials()) {
            keys.put(t.index(), t.correctAnswer().equals("A") ? GLFW_KEY_F : GLFW_KEY_J);
        }
        robot.answerKeys = keys;
        robot.earlyKey = GLFW_KEY_J;
        try (Station station = Station.open(WindowSettings.windowed(800, 600), true)) {
            robot.station = station;
            List<Response> responses = run(station, protocol, plan, robot);

            long previousOnset = Long.MIN_VALUE;
            for (Trial trial : plan.trials()) {
                Response r = responses.get(trial.index());
                assertThat(r.answer()).isEqualTo(trial.correctAnswer());
                Presentation shown = r.presentation();
                assertThat(shown.answerOpensNanos()).as("the answer counts from X's onset")
                        .isEqualTo(shown.screen("X").onsetNanos()).isGreaterThan(r.timing().onsetNanos());
                assertThat(r.rtMs()).isEqualTo((robot.injected.get(trial.index()) - shown.answerOpensNanos()) / 1e6);
                assertThat(r.rtMs()).isPositive();
                assertThat(shown.events()).extracting(StationEvent::kind, StationEvent::detail)
                        .contains(org.assertj.core.groups.Tuple.tuple("early-key", "j"));
                assertThat(shown.screens()).extracting(ScreenTiming::screen)
                        .containsExactly("iti", "fixation", "A", "isi", "B", "isi", "X", "response");
                assertThat(shown.runSegment()).isEqualTo(1);
                assertThat(r.timing().framesRequested()).isEqualTo(3 * 5 + 2 * 2);
                assertThat(r.timing().framesShown()).isGreaterThanOrEqualTo(r.timing().framesRequested());
                assertThat(r.timing().offsetNanos()).isGreaterThan(r.timing().onsetNanos());
                assertThat(r.timing().onsetNanos()).isGreaterThan(previousOnset);
                previousOnset = r.timing().onsetNanos();
            }
        }
        assertThat(robot.screens).startsWith("instructions 0", "instructions 0", "block 0", "response 0", "feedback 0");
        assertThat(robot.screens).contains("break " + plan.trials().stream().filter(Trial::breakBefore)
                .skip(0).findFirst().orElseThrow().index());
        assertThat(robot.screens).endsWith("end -1");
        assertThat(SHOTS.resolve("response.png")).exists();
    }

    @Test
    void lateAnswersAreMissesEscPausesResumeRepeatsTheTrialAndQuitStopsTheSession() throws Exception {
        Protocol protocol = shortened("expression-2afc-happy-sad",
                "{\"fixation\": {\"frames\": 2}, \"stimulus\": {\"frames\": 4}, \"responseWindow\": {\"ms\": 30},"
                        + " \"iti\": {\"frames\": 1}}", "[0, 100]");
        TrialPlan plan = Planner.plan(protocol, 3);
        Robot robot = new Robot();
        // instructions x2, practice block, trial 0: nothing (a miss); trial 1: Esc, R on the pause screen, then A;
        // trial 2: Esc, then Q
        robot.script = new ArrayList<>(List.of(GLFW_KEY_SPACE, GLFW_KEY_SPACE, GLFW_KEY_SPACE, 0,
                GLFW_KEY_ESCAPE, GLFW_KEY_R, GLFW_KEY_A, GLFW_KEY_ESCAPE, GLFW_KEY_Q));
        try (Station station = Station.open(WindowSettings.windowed(640, 480), true)) {
            robot.station = station;
            StimulusLibrary library = StimulusLibrary.forProtocol(protocol, Path.of("."));
            FramePlan frames = FramePlan.of(FrameConversions.of(protocol.timing(), station.refreshHz()));
            try (HumanStation human = new HumanStation(station, protocol, frames, "P-robot", plan, robot)) {
                human.prepareBlock(plan.trials().subList(0, 2), library);
                assertThat(station.window().cursorShown()).as("two-afc takes clicks").isTrue();
                Response miss = human.respond(plan.trial(0), List.of());
                assertThat(miss.answer()).isNull();
                // a practice trial without an answer is told "Too slow"; its response screen ran the whole window
                assertThat(plan.trial(0).feedback()).isTrue();
                ScreenTiming window = miss.presentation().screen("response");
                assertThat(window.framesRequested()).isEqualTo(frames.responseWindow());
                assertThat(window.framesShown()).isGreaterThanOrEqualTo(frames.responseWindow());
                assertThat(miss.rtMs()).isNull();
                assertThat(miss.timing().framesRequested()).isEqualTo(4);

                Response afterPause = human.respond(plan.trial(1), List.of());
                assertThat(afterPause.answer()).isEqualTo("happy");
                assertThat(afterPause.rtMs()).isPositive();

                human.prepareBlock(plan.trials().subList(2, plan.size()), library);
                assertThatThrownBy(() -> human.respond(plan.trial(2), List.of()))
                        .isInstanceOf(SessionAbortedException.class).hasMessageContaining("pause screen");
            }
        }
        assertThat(robot.screens).containsSubsequence("response 0", "feedback 0", "response 1", "pause 1",
                "response 1", "pause 2");
        assertThat(robot.screens.stream().filter(s -> s.equals("response 1")).count()).isEqualTo(2);
    }

    @Test
    void thePointerIsHiddenWhenOnlyKeysAnswerAndBreaksCountMainTrialsOnly() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode p = (ObjectNode) json.readTree(BuiltinProtocols.resolve("expression-6way").json());
        ((ObjectNode) p.get("task")).put("input", "keys");
        Protocol keysOnly = ProtocolReader.read(json.writeValueAsString(p), "keys-only");
        TrialPlan plan = Planner.plan(keysOnly, 3);
        try (Station station = Station.open(WindowSettings.windowed(320, 240), true)) {
            FramePlan frames = FramePlan.of(FrameConversions.of(keysOnly.timing(), station.refreshHz()));
            try (HumanStation human = new HumanStation(station, keysOnly, frames, "P-robot", plan, ScreenWatcher.NONE)) {
                assertThat(station.window().cursorShown()).isFalse();
            }
        }

        TrialPlan withPractice = Planner.plan(shortened("expression-abx",
                "{\"stimulus\": {\"frames\": 5}}", "[0, 20, 80, 100]"), 5);
        BreakProgress progress = BreakProgress.of(withPractice);
        long practice = withPractice.trials().stream().filter(Trial::practice).count();
        assertThat(practice).isPositive();
        assertThat(progress.mainTrials()).isEqualTo(withPractice.size() - practice);
        Trial firstBreak = withPractice.trials().stream().filter(Trial::breakBefore).findFirst().orElseThrow();
        assertThat(progress.mainTrialsBefore(firstBreak.index())).as("breaks every 4 main trials").isEqualTo(4);
    }
}
