package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.sweep.SweepCell;
import org.tandem.protocols.record.TrialRecord;

/**
 * {@code tandem sweep} with the real networks and a real H2 file: the grid of the speed issue (3 protocols x 3
 * observers x 10 seeds) killed with SIGKILL mid-way and run again to the end, every cell stored once and answering as an
 * uninterrupted sweep does.
 */
class SweepCommandTest {
    private static final String PROTOCOLS = "expression-2afc-happy-sad,expression-6way,expression-abx";
    private static final String OBSERVERS = "faceapi:expression,human:emotion,faceapi:expression:untrained?seed=1";

    @Test
    void aSweepKilledMidwayContinuesWhenRunAgainWithEveryCellOnce(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("sweep.mv.db");
        List<String> finishedBeforeKill = runAndKillAfterCells(db, 12);
        assertThat(finishedBeforeKill).hasSize(12);

        CliRun again = CliRun.of("sweep", "--protocols", PROTOCOLS, "--observers", OBSERVERS, "--seeds", "1..10",
                "--parallel", "2", "--db", db.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("Sweep of 90 cells .*: (7[0-8]|[1-6][0-9]) to run")
                .contains("Swept 90 cells");
        Map<String, SessionSummary> cells = cells(db);
        assertThat(cells).hasSize(90);
        assertThat(cells.values()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(s.trialsDone()).isEqualTo(s.trialsPlanned());
        });
        // the cells finished before the kill were kept, not run again
        assertThat(cells.values().stream().map(SessionSummary::sessionId)).containsAll(finishedBeforeKill);

        // the same cells swept without interruption answer trial for trial as the resumed sweep did; the outputs agree
        // to float rounding (a network's batch holds other images when a sweep is cut short and resumed)
        Path reference = dir.resolve("reference.mv.db");
        CliRun whole = CliRun.of("sweep", "--protocols", PROTOCOLS, "--observers", OBSERVERS, "--seeds", "1..2",
                "--db", reference.toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        Map<String, SessionSummary> referenceCells = cells(reference);
        assertThat(referenceCells).hasSize(18);
        try (TandemStore resumed = TandemStore.openForReading(new StoreOptions(db, null));
             TandemStore uninterrupted = TandemStore.openForReading(new StoreOptions(reference, null))) {
            for (Map.Entry<String, SessionSummary> cell : referenceCells.entrySet()) {
                List<TrialRecord> a = resumed.trials(SessionFilter.session(cells.get(cell.getKey()).sessionId()));
                List<TrialRecord> b = uninterrupted.trials(SessionFilter.session(cell.getValue().sessionId()));
                assertThat(a).hasSameSizeAs(b);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(a.get(i).trial()).isEqualTo(b.get(i).trial());
                    assertThat(a.get(i).response().answer()).as(cell.getKey() + " trial " + i)
                            .isEqualTo(b.get(i).response().answer());
                    assertThat(values(a.get(i))).containsExactly(values(b.get(i)), within(1e-6));
                }
            }
        }

        CliRun third = CliRun.of("sweep", "--protocols", PROTOCOLS, "--observers", OBSERVERS, "--seeds", "1..10",
                "--db", db.toString());
        assertThat(third.out()).contains("0 to run (0 trials), 90 already completed");
        assertThat(cells(db)).hasSize(90);
    }

    @Test
    void aSweepFileGivesTheGridAndACellThatCannotRunStopsItBeforeAnyRuns(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("file.mv.db");
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, """
                {"study": "abx-sweep", "protocols": ["expression-abx"],
                 "observers": ["faceapi:expression", "faceapi:recognition?distance=cosine&noise=0.1"],
                 "seeds": "3..4"}
                """);
        CliRun run = CliRun.of("sweep", file.toString(), "--db", db.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Sweep of 4 cells (1 protocols x 2 observers x 2 seeds x 1 rules), study"
                + " abx-sweep: 4 to run (288 trials)");
        assertThat(cells(db)).hasSize(4).allSatisfy((key, s) -> assertThat(s.study()).isEqualTo("abx-sweep"));

        CliRun readoutOnAbx = CliRun.of("sweep", "--protocols", "expression-6way,expression-abx", "--observers",
                "faceapi:recognition?readout=logistic", "--db", dir.resolve("none.mv.db").toString());
        assertThat(readoutOnAbx.exitCode()).isEqualTo(1);
        assertThat(readoutOnAbx.err().strip()).startsWith("tandem: sweep cell protocol=expression-abx")
                .endsWith("nothing was run").doesNotContain("\n");

        Files.writeString(file, "{\"protocols\": [\"expression-abx\"], \"observer\": [\"faceapi:expression\"]}");
        CliRun typo = CliRun.of("sweep", file.toString(), "--db", db.toString());
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).contains("sweep file " + file + ": unknown field 'observer'");

        CliRun nothing = CliRun.of("sweep", "--db", db.toString());
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("give the grid");
    }

    /** Starts the sweep in its own JVM and kills it (SIGKILL) once it has reported {@code cells} finished cells. */
    private static List<String> runAndKillAfterCells(Path db, int cells) throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), TandemCli.class.getName(),
                "sweep", "--protocols", PROTOCOLS, "--observers", OBSERVERS, "--seeds", "1..10", "--parallel", "2",
                "--db", db.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> finished = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.matches("\\S{36}  started  .*")) {
                    finished.add(line.substring(0, 36));
                    if (finished.size() == cells) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return finished;
    }

    /** The sweep's sessions in a store, by cell key. */
    private static Map<String, SessionSummary> cells(Path db) {
        Map<String, SessionSummary> cells = new TreeMap<>();
        try (TandemStore store = TandemStore.openForReading(new StoreOptions(db, null))) {
            for (SessionSummary s : store.sessions()) {
                assertThat(cells.put(s.stationInfo().get(SweepCell.FACT), s)).as("one session per cell").isNull();
            }
        }
        return cells;
    }

    private static double[] values(TrialRecord record) {
        return record.response().output().values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
