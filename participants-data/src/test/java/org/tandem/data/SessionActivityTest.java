package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Presentation;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.plan.TrialPlan;

/** Trial counts, latest trial and timing faults per session, read from a real H2 file without loading trials. */
class SessionActivityTest {
    private static final double PERIOD_NS = 16_683_350;

    @TempDir
    Path dir;

    @Test
    void countsTrialsFaultsAndTheLatestTrialOfEachSession() {
        Path file = dir.resolve("tandem.mv.db");
        TrialPlan plan = Fixtures.plan(3);
        String person;
        String network;
        String empty;
        try (TandemStore store = Fixtures.open(file)) {
            person = store.startSession(Fixtures.human("main-study", "P001", 3));
            // two screens shown short in the first trial, one in the second, none in the third
            store.commitTrial(person, plan.trial(0), shown(plan, 0, 2, 2));
            store.commitTrial(person, plan.trial(1), shown(plan, 1, 6, 2));
            store.commitTrial(person, plan.trial(2), shown(plan, 2, 6, 6));
            network = store.startSession(Fixtures.model("main-study", 3));
            store.commitTrial(network, plan.trial(0), Fixtures.modelResponse(plan.trial(0)));
            empty = store.startSession(Fixtures.human("main-study", "P002", 3));
        }
        try (TandemStore store = TandemStore.openForReading(StoreOptions.at(file))) {
            Map<String, SessionActivity> activity = store.activity(List.of(person, network, empty, "no-such-session"));
            assertThat(activity.get(person).trialsDone()).isEqualTo(3);
            assertThat(activity.get(person).timingFaults()).isEqualTo(3);
            assertThat(activity.get(person).lastTrialAt()).isEqualTo(store.trials(person).get(2).recordedAt());
            assertThat(activity.get(network).trialsDone()).isEqualTo(1);
            assertThat(activity.get(network).timingFaults()).isZero();
            assertThat(activity.get(empty)).isEqualTo(new SessionActivity(empty, 0, null, 0));
            assertThat(activity.get("no-such-session").trialsDone()).isZero();
            assertThat(store.activity(List.of())).isEmpty();
        }
    }

    /** A trial whose A and X screens were up {@code framesA} and {@code framesX} of their 6 frames. */
    private static Response shown(TrialPlan plan, int index, int framesA, int framesX) {
        List<ScreenTiming> screens = List.of(
                ScreenTiming.measured("A", 1_000_000_000L, 1_000_000_000L + framesA * 16_683_350L, 6, framesA, PERIOD_NS,
                        false),
                ScreenTiming.measured("X", 2_000_000_000L, 2_000_000_000L + framesX * 16_683_350L, 6, framesX, PERIOD_NS,
                        false));
        Presentation presentation = new Presentation(screens, 2_100_000_000L, 1, PERIOD_NS, List.of());
        FrameTiming timing = new FrameTiming(1_000_000_000L, 2_100_000_000L, 12, framesA + framesX, 0);
        return Response.ofStation(plan.trial(index).correctAnswer(), 400.0 + index, timing, presentation);
    }
}
