package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.PostgresTestServer;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;

/**
 * The commands with {@code --db postgresql://…} on a real PostgreSQL server: simulate straight into it and with
 * {@code --push-to}, list, check (and find a change made behind Tandem's back), push, merge files with
 * {@code --from/--into}, and one-line refusals for what a server cannot do or a push must not do.
 */
@ExtendWith(PostgresTestServer.PassFile.class)
class LabServerCommandsTest {
    private static final PostgresTestServer SERVER = PostgresTestServer.shared();
    private static final String PROTOCOL = "expression-2afc-happy-sad";

    @TempDir
    Path dir;

    @Test
    void aStudyStoredOnTheServerIsListedCheckedAndAChangeBehindTandemsBackIsFound() throws Exception {
        String lab = SERVER.newDatabase();
        SimulatedParticipant.store(dir.resolve("room.mv.db"), "rooms", PROTOCOL, "P01", 1, 50);
        CliRun push = CliRun.of("db", "push", "--db", dir.resolve("room.mv.db").toString(), "--to", lab);
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).contains("Pushed " + dir.resolve("room.mv.db") + " to " + lab + ": 1 new, 0 extended,"
                + " 0 already there");

        CliRun list = CliRun.of("sessions", "list", "--db", lab);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains(PROTOCOL, "completed", "216/216");
        CliRun check = CliRun.of("db", "check", "--db", lab);
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("Checked " + lab, "trial 216", "Healthy: every row matches its checksum");

        try (Connection c = SERVER.connect(lab.substring(lab.lastIndexOf('/') + 1)); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE trial SET response = 'sad' WHERE plan_index = 40 AND response = 'happy'"
                    + " OR plan_index = 40 AND response = 'sad' AND FALSE");
            s.executeUpdate("UPDATE trial SET rt_ms = 1 WHERE plan_index = 41");
        }
        CliRun damaged = CliRun.of("db", "check", "--db", lab);
        assertThat(damaged.exitCode()).isEqualTo(1);
        assertThat(damaged.out()).contains("plan_index 41) of table trial does not match its check");
        assertThat(damaged.err().strip()).doesNotContain("\n").contains("is not a healthy Tandem store",
                "nothing was changed", "pg_restore");
    }

    @Test
    void simulateStoresStraightIntoTheServerOrPushesToIt() throws Exception {
        String lab = SERVER.newDatabase();
        CliRun straight = CliRun.of("simulate", "expression-abx", "--observer",
                "faceapi:recognition?layer=descriptor&distance=cosine&noise=0.1", "--study", "rooms", "--db", lab);
        assertThat(straight.exitCode()).as(straight.err()).isZero();
        assertThat(straight.out()).contains("into " + lab);

        Path station = dir.resolve("station.mv.db");
        CliRun pushed = CliRun.of("simulate", "expression-abx", "--observer",
                "faceapi:recognition?layer=descriptor&distance=cosine&noise=0.1", "--seed", "2", "--study", "rooms",
                "--db", station.toString(), "--push-to", lab, "--push-every", "1");
        assertThat(pushed.exitCode()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("Pushing sessions to the lab server " + lab,
                "The lab server " + lab + " holds this station's sessions.");
        try (TandemStore server = TandemStore.openForReading(StoreOptions.of(lab, null));
             TandemStore local = TandemStore.openForReading(StoreOptions.at(station))) {
            List<SessionSummary> sessions = server.sessions();
            assertThat(sessions).hasSize(2).allMatch(s -> s.status() == SessionStatus.COMPLETED);
            String id = local.sessions().get(0).sessionId();
            assertThat(server.trials(id)).isEqualTo(local.trials(id));
        }
    }

    @Test
    void aConflictingSessionIsRefusedAndNothingIsPushed() throws Exception {
        String lab = SERVER.newDatabase();
        Path room1 = dir.resolve("room1.mv.db");
        SimulatedParticipant.store(room1, "rooms", PROTOCOL, "P01", 1, 50);
        assertThat(CliRun.of("db", "push", "--db", room1.toString(), "--to", lab).exitCode()).isZero();
        String id;
        try (TandemStore local = TandemStore.openForReading(StoreOptions.at(room1))) {
            id = local.sessions().get(0).sessionId();
        }
        // another room's store with a session of the same id but another plan (seed 2)
        Path room2 = dir.resolve("room2.mv.db");
        try (TandemStore other = TandemStore.open(StoreOptions.at(room2))) {
            var protocol = org.tandem.protocols.BuiltinProtocols.resolve(PROTOCOL);
            var read = protocol.read();
            other.startSessionWith(new org.tandem.data.NewSession("rooms", read.id(), protocol.json(),
                    org.tandem.protocols.plan.Planner.protocolSha256(read),
                    org.tandem.protocols.observer.ObserverKind.HUMAN, SimulatedParticipant.ID, "P01", 2, null,
                    org.tandem.protocols.plan.Planner.plan(read, 2), java.util.Map.of()), id, List.of(), false);
        }
        CliRun refused = CliRun.of("db", "push", "--db", room2.toString(), "--to", lab);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip()).doesNotContain("\n").contains("session " + id + " is held in " + lab,
                "nothing was merged");
        try (TandemStore server = TandemStore.openForReading(StoreOptions.of(lab, null))) {
            assertThat(server.sessions()).singleElement().extracting(SessionSummary::seed).isEqualTo(1L);
        }
    }

    @Test
    void filesMergeWithFromAndIntoAndWhatAServerCannotDoIsRefusedInOneLine() {
        Path a = dir.resolve("a.mv.db");
        Path b = dir.resolve("b.mv.db");
        SimulatedParticipant.store(a, "rooms", PROTOCOL, "P01", 1, 50);
        SimulatedParticipant.store(b, "rooms", PROTOCOL, "P02", 2, 50);
        Path study = dir.resolve("study.mv.db");
        CliRun merge = CliRun.of("db", "merge", "--from", a.toString(), "--from", b.toString(), "--into",
                study.toString());
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("Merged 2 store files into " + study + ": 2 new");

        String lab = SERVER.newDatabase();
        for (String[] args : List.of(
                new String[] {"db", "push", "--db", a.toString(), "--to", b.toString()},
                new String[] {"db", "backup", "--db", lab, "--to", dir.resolve("x.zip").toString()},
                new String[] {"db", "compact", "--db", lab},
                new String[] {"sessions", "list", "--db", "postgresql://tandem:secret@127.0.0.1/lab"},
                new String[] {"db", "merge", "--from", a.toString(), "--into", study.toString(), "--db", lab})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err().strip()).as(String.join(" ", args)).doesNotContain("\n", "Exception", "secret")
                    .startsWith("tandem: ");
        }
    }
}
