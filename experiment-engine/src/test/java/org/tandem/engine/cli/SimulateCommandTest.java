package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.NewSession;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.protocols.record.TrialRecord;

/** {@code tandem simulate} with the real face-api expression network, the real built-in faces and a real H2 file. */
class SimulateCommandTest {
    private static final Pattern SESSION_LINE = Pattern.compile("(?m)^(\\S+)  seed ");

    @Test
    void twoAfcSessionsAreStoredCompleteWithHumanColumnsAndPHappyRisesWithHappiness(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("sim.mv.db");
        long started = System.nanoTime();
        CliRun run = CliRun.of("simulate", "expression-2afc-happy-sad", "--observer", "faceapi:expression",
                "--sessions", "2", "--db", db.toString());
        System.out.printf("simulate: 2 sessions x 630 trials in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("P(happy) by happiness:", "Simulated 2 session(s) of expression-2afc-happy-sad");
        List<String> ids = sessionIds(run.out());
        assertThat(ids).hasSize(2);

        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            for (String id : ids) {
                SessionSummary s = store.sessions(SessionFilter.session(id)).get(0);
                assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
                assertThat(s.observerKind()).isEqualTo(ObserverKind.MODEL);
                assertThat(s.observerId()).isEqualTo("faceapi:expression");
                assertThat(s.trialsDone()).isEqualTo(630);
                assertThat(s.trialsPlanned()).isEqualTo(630);
            }
            List<TrialRecord> records = store.trials(SessionFilter.session(ids.get(0)));
            assertThat(records).hasSize(630);
            assertThat(records.get(0).response().output().labels()).startsWith("neutral", "happy", "sad", "angry",
                    "fearful", "disgusted", "surprised").contains("task:happy", "task:sad");
            Map<Double, Double> pHappy = new TreeMap<>();
            for (TrialRecord r : records) {
                List<Double> v = r.response().output().values();
                assertThat(v.subList(0, 7).stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                        org.assertj.core.data.Offset.offset(1e-4));
                pHappy.put(r.trial().numericLevel("happiness"), v.get(r.response().output().labels().indexOf("task:happy")));
            }
            assertThat(pHappy.get(100.0)).isGreaterThan(pHappy.get(0.0));
        }

        Path human = dir.resolve("human");
        Files.createDirectories(human);
        Path humanDb = human.resolve("h.mv.db");
        writeHumanSession(humanDb);
        assertThat(CliRun.of("export", "--db", humanDb.toString(), "--out", human.resolve("out").toString()).exitCode()).isZero();
        CliRun export = CliRun.of("export", "--db", db.toString(), "--out", dir.resolve("out").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("out/trials.csv"));
        assertThat(rows).hasSize(1 + 2 * 630);
        assertThat(columns(rows.get(0))).isEqualTo(columns(Files.readAllLines(human.resolve("out/trials.csv")).get(0)));
    }

    @Test
    void sixWayArgmaxIsWellAboveChanceAndSamplingIsReproducible(@TempDir Path dir) {
        Path db = dir.resolve("six.mv.db");
        CliRun argmax = CliRun.of("simulate", "expression-6way", "--observer", "faceapi:expression", "--db", db.toString());
        assertThat(argmax.exitCode()).as(argmax.err()).isZero();
        Matcher m = Pattern.compile("accuracy ([0-9.]+)").matcher(argmax.out());
        assertThat(m.find()).isTrue();
        double accuracy = Double.parseDouble(m.group(1));
        System.out.println("6-way argmax accuracy: " + accuracy);
        assertThat(accuracy).isGreaterThan(0.5);

        CliRun a = CliRun.of("simulate", "expression-6way", "--observer", "faceapi:expression", "--rule", "sample",
                "--temperature", "2", "--seed", "11", "--db", db.toString());
        CliRun b = CliRun.of("simulate", "expression-6way", "--observer", "faceapi:expression", "--rule", "sample",
                "--temperature", "2", "--seed", "11", "--db", db.toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            List<String> first = answers(store, sessionIds(a.out()).get(0));
            List<String> second = answers(store, sessionIds(b.out()).get(0));
            assertThat(first).hasSize(144).isEqualTo(second);
            assertThat(first).isNotEqualTo(answers(store, sessionIds(argmax.out()).get(0)));
        }
    }

    @Test
    void theIdentityNetworkAnswersSixWayTrialsThroughAReadoutStoredUnderItsSpec(@TempDir Path dir) {
        Path db = dir.resolve("readout.mv.db");
        CliRun run = CliRun.of("simulate", "expression-6way", "--observer", "faceapi:recognition?readout=logistic",
                "--db", db.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = Pattern.compile("accuracy ([0-9.]+)").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        double accuracy = Double.parseDouble(m.group(1));
        System.out.println("6-way readout of faceapi:recognition, accuracy: " + accuracy);
        assertThat(accuracy).isGreaterThan(0.5);
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            var session = store.sessions().get(0);
            assertThat(session.observerId()).isEqualTo("faceapi:recognition?readout=logistic");
            var trial = store.trials(session.sessionId()).get(0);
            assertThat(trial.response().output().labels()).contains("readout-cv-accuracy", "task:happiness", "readout:happiness");
        }
    }

    @Test
    void badSpecsAndOptionsAreOneLineErrors(@TempDir Path dir) {
        Path db = dir.resolve("bad.mv.db");
        for (String[] args : List.of(
                new String[] {"simulate", "expression-abx", "--observer", "faceapi:expression", "--rule", "sample",
                        "--db", db.toString()},
                new String[] {"simulate", "expression-6way", "--observer", "faceapi:expression?noise=0.1", "--db",
                        db.toString()},
                new String[] {"simulate", "expression-abx", "--observer", "faceapi:recognition?readout=svm", "--db",
                        db.toString()},
                new String[] {"simulate", "expression-abx", "--observer", "faceapi:recognition?layer=dense3", "--db",
                        db.toString()},
                new String[] {"simulate", "expression-abx", "--db", db.toString()},
                new String[] {"simulate", "expression-6way", "--observer", "faceapi:nonsense", "--db", db.toString()},
                new String[] {"simulate", "expression-6way", "--observer", "faceapi:recognition", "--db", db.toString()},
                new String[] {"simulate", "expression-6way", "--observer", "faceapi:expression", "--rule", "vote",
                        "--db", db.toString()})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).doesNotContain("Exception");
        }
        assertThat(CliRun.of("simulate", "expression-abx", "--observer", "faceapi:recognition?layer=dense3",
                "--db", db.toString()).err()).contains("network faceapi:recognition has no layer 'dense3'; its layers are");
    }

    /** A person's partial session of the same protocol, as written (with practice), for its export header. */
    private static void writeHumanSession(Path db) {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve("expression-2afc-happy-sad");
        Protocol protocol = source.read();
        TrialPlan plan = Planner.plan(protocol, 5);
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            store.ensureParticipant("P01", null);
            String human = store.startSession(new NewSession("lab", protocol.id(), source.json(),
                    Planner.protocolSha256(protocol), ObserverKind.HUMAN, "lab-pc-1", "P01", 5, null, plan, Map.of()));
            for (int i = 0; i < 3; i++) {
                store.commitTrial(human, plan.trial(i), Response.ofHuman("sad", 600 + i,
                        new FrameTiming(1_000_000L * i, 1_000_000L * i + 750_000, 90, 90, 0)));
            }
        }
    }

    private static List<String> answers(TandemStore store, String sessionId) {
        return store.trials(SessionFilter.session(sessionId)).stream().map(r -> r.trial().id() + "=" + r.response().answer())
                .toList();
    }

    private static List<String> sessionIds(String out) {
        Matcher m = SESSION_LINE.matcher(out);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> columns(String header) {
        return List.of(header.split(","));
    }
}
