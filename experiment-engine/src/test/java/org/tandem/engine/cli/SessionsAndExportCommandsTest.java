package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.NewSession;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/** The sessions and export commands over a real H2 file holding a human and a model session. */
class SessionsAndExportCommandsTest {

    @Test
    void sessionsListAndExportShowHumanAndModelSessionsWithTheSameColumns(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("study.mv.db");
        writeTwoSessions(db);

        CliRun list = CliRun.of("sessions", "list", "--db", db.toString());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("expression-abx", "human", "P01", "model", "test:fixed-answers", "completed", "running")
                .contains("80/80").contains("3/80");

        String humanId = list.out().lines().filter(l -> l.contains("P01")).findFirst().orElseThrow().split(" ")[0];
        CliRun show = CliRun.of("sessions", "show", humanId, "--db", db.toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Session " + humanId, "human P01", "running, 3 of 80 trials", "Facts",
                "Events (1)", "started");
        CliRun unknown = CliRun.of("sessions", "show", "no-such-id", "--db", db.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no session 'no-such-id'").doesNotContain("Exception");

        CliRun export = CliRun.of("export", "--db", db.toString(), "--out", dir.resolve("out").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("Wrote 83 trials of 2 sessions and 3 events");
        assertThat(Files.readAllLines(dir.resolve("out/events.csv")).get(0))
                .isEqualTo("study,session_id,observer_kind,observer_id,participant,event_id,kind,trial,clock_ms,at,detail");
        List<String> rows = Files.readAllLines(dir.resolve("out/trials.csv"));
        assertThat(rows).hasSize(84);
        String header = rows.get(0);
        assertThat(header).contains("observer_kind", "participant", "level_happiness_a", "response", "rt_ms", "onset_ms",
                "frames_shown", "missed_flag", "output").doesNotContain("age", "handedness");
        assertThat(rows.stream().filter(r -> r.contains(",human,")).count()).isEqualTo(3);
        assertThat(rows.stream().filter(r -> r.contains(",model,")).count()).isEqualTo(80);

        CliRun json = CliRun.of("export", "--db", db.toString(), "--out", dir.resolve("json").toString(), "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("json/trials.json"))).contains("\"observer_kind\"");
    }

    @Test
    void aLockedOrWronglyEncryptedDatabaseIsOneLineNotAStackTrace(@TempDir Path dir) {
        Path db = dir.resolve("secret.mv.db");
        try (TandemStore store = TandemStore.open(new StoreOptions(db, "right-password"))) {
            store.ensureStudy("s");
        }
        CliRun wrong = CliRun.of("sessions", "list", "--db", db.toString(), "--db-password", "wrong-password");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err().strip().lines()).hasSize(1);
        assertThat(wrong.err()).containsIgnoringCase("password").doesNotContain("Exception");
        assertThat(CliRun.of("sessions", "list", "--db", db.toString(), "--db-password", "right-password").out())
                .contains("No sessions");
    }

    @Test
    void readingCommandsNeverCreateADatabase(@TempDir Path dir) {
        CliRun run = CliRun.of("sessions", "list", "--db", dir.resolve("missing").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no Tandem database at " + dir.resolve("missing.mv.db"));
        assertThat(dir.resolve("missing.mv.db")).doesNotExist();
    }

    /** A human session with 3 of 80 trials and a completed model session with fixed answers, both of expression-abx. */
    static void writeTwoSessions(Path db) {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve("expression-abx");
        Protocol protocol = source.read();
        TrialPlan plan = Planner.plan(protocol, 3);
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            store.ensureParticipant("P01", null);
            String human = store.startSession(new NewSession("demo", protocol.id(), source.json(),
                    Planner.protocolSha256(protocol), ObserverKind.HUMAN, "P01", "P01", 3, null, plan, Map.of()));
            for (int i = 0; i < 3; i++) {
                Trial trial = plan.trial(i);
                store.commitTrial(human, trial, Response.ofHuman("A", 500 + i,
                        new FrameTiming(1_000_000L * i, 1_000_000L * i + 750_000, 90, 90, 0)));
            }
            String model = store.startSession(new NewSession("demo", protocol.id(), source.json(),
                    Planner.protocolSha256(protocol), ObserverKind.MODEL, "test:fixed-answers", null, 3, null, plan, Map.of()));
            for (Trial trial : plan.trials()) {
                store.commitTrial(model, trial, new Response("B", null, null, null));
            }
            store.finishSession(model, org.tandem.data.SessionStatus.COMPLETED);
        }
    }
}
