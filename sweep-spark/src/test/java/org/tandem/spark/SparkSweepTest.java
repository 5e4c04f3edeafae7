package org.tandem.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.engine.sweep.SweepCell;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.engine.sweep.SweepProtocols;
import org.tandem.engine.sweep.SweepRunner;
import org.tandem.protocols.observer.Response;

/**
 * The job on a real Spark context in local mode ({@code local[2]}: two tasks at once), with real networks and real
 * store files: 2 protocols x 2 observers x 2 seeds, split into two part files and merged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkSweepTest {
    private static final String STUDY = "spark-test";
    private static final String SWEEP = """
            {"study": "spark-test", "protocols": ["expression-abx", "expression-2afc-happy-sad"],
             "observers": ["faceapi:expression", "faceapi:expression:untrained?seed=1"], "seeds": "1..2"}
            """;

    @TempDir
    static Path dir;
    private Path sweep;
    private Path out;
    private Path merged;
    private JobRun first;

    @BeforeAll
    void runTheJobOnce() throws Exception {
        sweep = Files.writeString(dir.resolve("sweep.json"), SWEEP);
        out = dir.resolve("parts");
        merged = dir.resolve("merged.mv.db");
        first = job("--merge", merged.toString());
    }

    @Test
    void everyCellRunsOnceInTwoPartFilesAndMergesIntoOneHealthyDatabase() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(PartFiles.in(out)).containsOnlyKeys(0, 1);
        assertThat(first.out()).contains("Swept 8 cells into " + out + ": 8 run, 0 already completed")
                .contains("Merged 2 part files into " + merged + ": 8 new, 0 extended, 0 already present");
        List<String> keys = grid().cells().stream().map(SweepCell::key).sorted().toList();
        assertThat(StoredCells.responses(merged, STUDY)).containsOnlyKeys(keys);
        // each part holds its own cells only: index mod 2
        assertThat(StoredCells.responses(PartFiles.in(out).get(0), STUDY)).hasSize(4);
        assertThat(StoredCells.responses(PartFiles.in(out).get(1), STUDY)).hasSize(4);
        assertThat(TandemStore.check(StoreOptions.at(merged)).problems()).isEmpty();
    }

    @Test
    void runningAgainRunsNothingAndMergingAgainAddsNothing() {
        Map<String, List<Response>> before = StoredCells.responses(merged, STUDY);
        JobRun again = job("--merge", merged.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(": 0 run, 8 already completed; 0 trials")
                .contains(": 0 new, 0 extended, 8 already present");
        assertThat(StoredCells.responses(merged, STUDY)).isEqualTo(before);
    }

    /** The same cell gives the same session wherever it runs (outputs up to rounding: see StoredCells). */
    @Test
    void theMergedAnswersAreThoseOfTheSameSweepRunInOneProcess() {
        Path local = dir.resolve("local.mv.db");
        try (TandemStore store = TandemStore.open(StoreOptions.at(local))) {
            new SweepRunner(store, SweepProtocols.read(grid().protocols()), SyntheticFaceCrops.defaults(), 1)
                    .run(grid(), new PartProgress(0, new PrintStream(OutputStream.nullOutputStream())));
        }
        StoredCells.assertSame(StoredCells.responses(merged, STUDY), StoredCells.responses(local, STUDY));
    }

    @Test
    void aMissingSweepFileIsOneLineAndExitStatusOne() {
        JobRun run = JobRun.of(dir.resolve("nowhere.json").toString(), "--out", out.toString(), "--master",
                "local[2]");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("tandem-spark: cannot read the sweep file");
    }

    @Test
    void anUnknownProtocolIsOneLineAndExitStatusOne() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"),
                SWEEP.replace("expression-abx", "expression-abc"));
        JobRun run = JobRun.of(bad.toString(), "--out", dir.resolve("bad").toString(), "--master", "local[2]");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("tandem-spark: ")
                .contains("expression-abc");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    private SweepGrid grid() {
        return SweepGrid.read(sweep);
    }

    private JobRun job(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(sweep.toString(), "--out", out.toString(),
                "--master", "local[2]"));
        args.addAll(List.of(more));
        return JobRun.of(args.toArray(String[]::new));
    }
}
