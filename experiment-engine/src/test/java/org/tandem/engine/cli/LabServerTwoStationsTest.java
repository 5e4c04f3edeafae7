package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.PostgresTestServer;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.serve.AccessToken;
import org.tandem.engine.serve.DashboardServer;
import org.tandem.engine.serve.HeadlessChromium;
import org.tandem.protocols.record.TrialRecord;

/**
 * Two testing rooms, one lab server: two station processes, each with its own store file, run a participant's session
 * of one study and push to a real PostgreSQL server as they go. The server is stopped in the middle of both sessions and
 * started again; the sessions go on undisturbed. Afterwards the server holds every trial of both exactly once (the same
 * as the stations' files), a further {@code tandem db push} changes nothing, {@code tandem db check} finds it whole and
 * {@code tandem analyze --db postgresql://…} reports the study, and the dashboard shows it in a real browser.
 *
 * <p>The stations take the server's password from PGPASSWORD; the commands run here from a pass file.
 */
@ExtendWith(PostgresTestServer.PassFile.class)
class LabServerTwoStationsTest {
    private static final String PROTOCOL = "expression-2afc-happy-sad";
    private static final PostgresTestServer SERVER = PostgresTestServer.shared();

    @TempDir
    Path dir;

    @Test
    void twoStationsKeepEveryTrialThroughAServerRestartAndTheLabReportsTheStudy() throws Exception {
        String lab = SERVER.newDatabase();
        Station room1 = Station.start(dir, "room1", lab, "P01", 1);
        Station room2 = Station.start(dir, "room2", lab, "P02", 2);
        try {
            // pushes run every second: by then each station has pushed its session at least once
            awaitTrue(() -> room1.committed() >= 60 && room2.committed() >= 60, room1, room2);
            SERVER.stop();
            int stop1 = room1.committed();
            int stop2 = room2.committed();
            awaitTrue(() -> room1.committed() >= stop1 + 20 && room2.committed() >= stop2 + 20
                    && room1.said("Cannot push") && room2.said("Cannot push"), room1, room2);
            SERVER.startServer();
            assertThat(room1.waitFor()).as(room1.output()).isZero();
            assertThat(room2.waitFor()).as(room2.output()).isZero();
        } finally {
            room1.process.destroyForcibly();
            room2.process.destroyForcibly();
            SERVER.startServer(); // a stopped server would fail every later test; does nothing when running
        }
        for (Station room : List.of(room1, room2)) {
            assertThat(room.output()).contains("Cannot push to the lab server", "is reachable again",
                    "The lab server " + lab + " holds this station's sessions.");
        }

        StoreOptions server = StoreOptions.of(lab, null);
        int planned = 0;
        try (TandemStore store = TandemStore.openForReading(server)) {
            List<SessionSummary> sessions = store.sessions();
            assertThat(sessions).hasSize(2).allMatch(s -> s.status() == SessionStatus.COMPLETED);
            for (Station room : List.of(room1, room2)) {
                try (TandemStore local = TandemStore.openForReading(StoreOptions.at(room.file))) {
                    SessionSummary mine = local.sessions().get(0);
                    List<TrialRecord> held = store.trials(mine.sessionId());
                    assertThat(held).hasSize(mine.trialsPlanned()).isEqualTo(local.trials(mine.sessionId()));
                    assertThat(held.stream().map(r -> r.trial().index()).distinct().count()).isEqualTo(held.size());
                    planned += mine.trialsPlanned();
                }
            }
        }
        assertThat(planned).isGreaterThan(100);

        CliRun again = CliRun.of("db", "push", "--db", room1.file.toString(), "--to", lab);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 new, 0 extended, 1 already there");
        CliRun check = CliRun.of("db", "check", "--db", lab);
        assertThat(check.exitCode()).as(check.err() + check.out()).isZero();

        Path report = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", "--db", lab, "--study", "rooms", "--out", report.toString(),
                "--bootstrap", "200", "--seed", "3");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(Files.readString(report.resolve("report.html"))).contains("P01", "P02", lab);

        // the dashboard shows the study from the server in a real browser
        HeadlessChromium browser = new HeadlessChromium(dir);
        try (DashboardServer dashboard = DashboardServer.start(server, AccessToken.of("lab-dashboard-token-0123"),
                report, "127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + dashboard.port() + "/?token=lab-dashboard-token-0123";
            String dom = browser.dom(url);
            assertThat(dom).contains("rooms", lab, "P01", "P02", room1.sessionId().substring(0, 8),
                    room2.sessionId().substring(0, 8), "report.html");
            browser.screenshot(url, Path.of("target", "dashboard-screenshots", "lab-server.png"));
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Station... stations) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            for (Station s : stations) {
                assertThat(s.process.isAlive() || condition.getAsBoolean()).as("station ended early: %s", s.output())
                        .isTrue();
            }
            assertThat(System.nanoTime()).as("timed out waiting; %s", stations[0].output()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** One station process and what it has printed. */
    private record Station(Process process, Path file, List<String> lines) {
        static Station start(Path dir, String name, String lab, String participant, long seed) throws IOException {
            Path file = dir.resolve(name + ".mv.db");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PushingStationMain.class.getName(), file.toString(),
                    lab, "rooms", PROTOCOL, participant, Long.toString(seed), "40")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().put("PGPASSWORD", PostgresTestServer.PASSWORD);
            Process process = builder.start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Station(process, file, lines);
        }

        boolean said(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }

        String sessionId() {
            try (TandemStore local = TandemStore.openForReading(StoreOptions.at(file))) {
                return local.sessions().get(0).sessionId();
            }
        }

        int committed() {
            int n = 0;
            for (String line : lines) {
                if (line.startsWith("COMMITTED ")) {
                    n = Math.max(n, Integer.parseInt(line.substring("COMMITTED ".length()).strip()));
                }
            }
            return n;
        }

        int waitFor() throws InterruptedException {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("station still running: %s", output()).isTrue();
            return process.exitValue();
        }

        String output() {
            return String.join("\n", lines.stream().filter(l -> !l.startsWith("COMMITTED ")).toList());
        }
    }
}
