package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.NewSession;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.SessionProgress;
import org.tandem.engine.session.SessionRunner;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.observer.spec.Observers;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.observer.SessionAbortedException;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;
import org.tandem.stimuli.library.StimulusLibrary;

/** {@code tandem simulate} of ABX with face-api's recognition network on the built-in faces, into a real H2 file. */
class SimulateAbxCommandTest {

    @Test
    void abxWithRecognitionStoresEveryTrialWithItsDistances(@TempDir Path dir) {
        Path db = dir.resolve("abx.mv.db");
        CliRun run = CliRun.of("simulate", "expression-abx", "--observer", "faceapi:recognition", "--sessions", "1",
                "--db", db.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String id = run.sessionId();
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            SessionSummary s = store.sessions(SessionFilter.session(id)).get(0);
            assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(s.observerKind()).isEqualTo(ObserverKind.MODEL);
            assertThat(s.observerId()).isEqualTo("faceapi:recognition");
            assertThat(s.trialsDone()).isEqualTo(72).isEqualTo(s.trialsPlanned());
            List<TrialRecord> records = store.trials(SessionFilter.session(id));
            assertThat(records).hasSize(72);
            Map<String, double[]> byPair = new TreeMap<>();
            for (TrialRecord r : records) {
                assertThat(r.response().answer()).isIn("A", "B");
                assertThat(r.response().output().labels()).containsExactly("distance:A", "distance:B", "noise");
                List<Double> v = r.response().output().values();
                // X is the very image A or B is: one distance is 0, the other the pair's distance
                assertThat(Math.min(v.get(0), v.get(1))).isZero();
                assertThat(v.get(2)).isZero();
                assertThat(r.correct()).isTrue();
                double[] sum = byPair.computeIfAbsent(r.trial().levels().toString().replaceAll(", x=[AB]", ""),
                        k -> new double[2]);
                sum[0] += Math.max(v.get(0), v.get(1));
                sum[1]++;
            }
            byPair.forEach((pair, sum) -> System.out.printf("descriptor distance %s: %.4f%n", pair, sum[0] / sum[1]));
        }
        assertThat(run.accuracy()).isEqualTo(1.0);
    }

    @Test
    void withDecisionNoiseFarApartPairsAreToldApartAboveChanceAndBetterThanNearOnes(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("noise.mv.db");
        Path far = dir.resolve("abx-far.json");
        // the built-in design with A and B eight steps (80 %) apart instead of two (20 %)
        Files.writeString(far, BuiltinProtocols.resolve("expression-abx").json()
                .replace("\"id\": \"expression-abx\"", "\"id\": \"expression-abx-far\"")
                .replace("\"step\": 2", "\"step\": 8"));
        // an SD about twice the descriptor distance of a 20 % step (0.08 to 0.13)
        String spec = "faceapi:recognition?noise=0.2";
        double near = pooledAccuracy(db, "expression-abx", spec);
        double farAccuracy = pooledAccuracy(db, far.toString(), spec);
        System.out.printf("ABX accuracy with %s over 3 sessions: 20 %% apart %.3f, 80 %% apart %.3f%n", spec, near,
                farAccuracy);
        assertThat(farAccuracy).isGreaterThan(0.75).isGreaterThan(near);
        assertThat(near).isLessThan(1.0);
    }

    @Test
    void relativeNoisePutsNetworksWithDistancesOfVeryDifferentScalesOnOneFooting(@TempDir Path dir) {
        Path db = dir.resolve("relnoise.mv.db");
        for (String network : List.of("faceapi:recognition", "faceapi:expression:untrained?seed=1")) {
            String spec = network + (network.contains("?") ? "&" : "?") + "distance=cosine&relnoise=0.2";
            CliRun run = CliRun.of("simulate", "expression-abx", "--observer", spec, "--db", db.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            double accuracy = run.accuracy();
            System.out.printf("ABX accuracy with %s: %.3f%n", spec, accuracy);
            // an SD of a fifth of the ends' distance: far from chance and from perfect for both networks
            assertThat(accuracy).as(spec).isBetween(0.6, 0.99);
        }
    }

    @Test
    void resumeCompletesAnInterruptedSessionWithEveryPlannedTrialOnce(@TempDir Path dir) {
        Path db = dir.resolve("resume.mv.db");
        // relative noise: its scale is read from the continuum's ends, so a resumed block must find the same scale
        String spec = "faceapi:recognition?distance=cosine&relnoise=0.2";
        long seed = 5;
        String interrupted = startAndAbortAfter(db, spec, seed, 20);
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            SessionSummary s = store.sessions(SessionFilter.session(interrupted)).get(0);
            assertThat(s.status()).isEqualTo(SessionStatus.ABORTED);
            // a network's session is committed a block at a time: the block in hand when it stopped is not stored
            assertThat(s.trialsDone()).isZero();
        }

        CliRun wrongObserver = CliRun.of("simulate", "expression-abx", "--resume", interrupted, "--observer",
                "faceapi:recognition", "--db", db.toString());
        assertThat(wrongObserver.exitCode()).isEqualTo(1);
        assertThat(wrongObserver.err()).contains("was run with the observer " + spec);

        CliRun resumed = CliRun.of("simulate", "expression-abx", "--resume", interrupted, "--db", db.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Resumed session " + interrupted + " with " + spec);
        CliRun whole = CliRun.of("simulate", "expression-abx", "--observer", spec, "--seed", Long.toString(seed),
                "--db", db.toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();

        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            SessionSummary s = store.sessions(SessionFilter.session(interrupted)).get(0);
            assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
            List<TrialRecord> records = store.trials(SessionFilter.session(interrupted));
            assertThat(records).hasSize(s.trialsPlanned());
            assertThat(records.stream().map(r -> r.trial().index()).distinct().count()).isEqualTo(s.trialsPlanned());
            // the resumed session answers every trial as an uninterrupted one with the same seed does
            assertThat(answers(records)).isEqualTo(answers(store.trials(SessionFilter.session(whole.sessionId()))));
        }
    }

    /**
     * Starts a session of expression-abx the way simulate does, and ends it on purpose when the observer has answered
     * {@code trials} trials of its only block.
     */
    private static String startAndAbortAfter(Path db, String spec, long seed, int trials) {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve("expression-abx");
        Protocol protocol = source.read();
        TrialPlan plan = Planner.plan(protocol, "networks", seed);
        ObserverSpec observerSpec = ObserverSpec.parse(spec);
        NewSession session = new NewSession("simulations", protocol.id(), source.json(), Planner.protocolSha256(protocol),
                ObserverKind.MODEL, observerSpec.toString(), null, seed, "networks", plan,
                Map.of(ModelSessionRunner.RULE, "argmax"));
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null));
             Observer network = Observers.open(observerSpec, protocol.task(), SyntheticFaceCrops.defaults(), seed,
                     new DecisionRule.Argmax())) {
            Observer stopping = new Observer() {
                @Override
                public ObserverKind kind() {
                    return network.kind();
                }

                @Override
                public String id() {
                    return network.id();
                }

                @Override
                public void prepareBlock(List<Trial> blockTrials, StimulusImages images) {
                    network.prepareBlock(blockTrials, images);
                }

                @Override
                public Response respond(Trial trial, List<Raster> images) {
                    if (trial.index() == trials) {
                        throw new SessionAbortedException("stopped after " + trials + " trials");
                    }
                    return network.respond(trial, images);
                }
            };
            SessionRunner runner = new SessionRunner(store, StimulusLibrary.forProtocol(protocol, Path.of(".")),
                    SessionProgress.NONE);
            assertThatThrownBy(() -> runner.start(session, stopping)).isInstanceOf(SessionAbortedException.class);
            return store.sessions().get(0).sessionId();
        }
    }

    private static Map<String, String> answers(List<TrialRecord> records) {
        Map<String, String> answers = new TreeMap<>();
        for (TrialRecord r : records) {
            answers.put(r.trial().index() + " " + r.trial().id(), r.response().answer() + " " + r.response().output());
        }
        return answers;
    }

    /** Correct answers over all main trials of three sessions, read from the store. */
    private static double pooledAccuracy(Path db, String protocol, String spec) {
        CliRun run = CliRun.of("simulate", protocol, "--observer", spec, "--sessions", "3", "--seed", "21",
                "--db", db.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = CliRun.SESSION_LINE.matcher(run.out());
        long correct = 0;
        long scored = 0;
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            while (m.find()) {
                for (TrialRecord r : store.trials(SessionFilter.session(m.group(1)))) {
                    scored++;
                    correct += Boolean.TRUE.equals(r.correct()) ? 1 : 0;
                }
            }
        }
        assertThat(scored).isGreaterThan(0);
        return (double) correct / scored;
    }


}
