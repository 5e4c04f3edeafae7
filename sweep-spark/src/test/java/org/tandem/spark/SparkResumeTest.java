package org.tandem.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.engine.sweep.SweepProtocols;
import org.tandem.engine.sweep.SweepRunner;
import org.tandem.protocols.TandemException;

/**
 * A cell cut short in a part file (as a killed executor leaves it) is resumed there by the next run of the job, even
 * when index mod N would send it to another part, and is never started a second time.
 */
class SparkResumeTest {
    private static final String STUDY = "spark-resume";

    @Test
    void aCellCutShortResumesInThePartFileThatHoldsIt(@TempDir Path dir) throws Exception {
        Path sweep = Files.writeString(dir.resolve("sweep.json"), """
                {"study": "spark-resume", "protocols": ["expression-2afc-happy-sad"],
                 "observers": ["faceapi:expression"], "seeds": "1..2"}
                """);
        Path out = Files.createDirectories(dir.resolve("parts"));
        // cell 0 (seed 1) would go to part 0; a stopped earlier run left it, 10 trials in, in part 1
        SweepGrid seedOne = new SweepGrid(STUDY, java.util.List.of("expression-2afc-happy-sad"),
                SweepGrid.read(sweep).observers(), java.util.List.of(1L), java.util.List.of("argmax"), 1.0, null);
        cutShort(out.resolve(PartFiles.name(1)), seedOne, 10);

        SessionSummary stopped = sessions(out.resolve(PartFiles.name(1))).get(0);
        assertThat(stopped.trialsDone()).isBetween(10, stopped.trialsPlanned() - 1);
        int left = stopped.trialsPlanned() - stopped.trialsDone();

        JobRun run = JobRun.of(sweep.toString(), "--out", out.toString(), "--master", "local[2]", "--partitions", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // cell 1 (seed 2) goes to part 1 by index mod 2; no cell is left for part 0
        assertThat(run.out()).contains(stopped.sessionId() + "  resumed  " + left + " trials  part-00001.mv.db  "
                        + "protocol=expression-2afc-happy-sad observer=faceapi:expression seed=1 ")
                .containsPattern("started  630 trials  part-00001\\.mv\\.db  .* seed=2 ")
                .contains(String.format(": 2 run, 0 already completed; %,d trials", left + 630));
        assertThat(PartFiles.in(out)).containsOnlyKeys(1);
        assertThat(sessions(out.resolve(PartFiles.name(1)))).hasSize(2).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(s.trialsDone()).isEqualTo(630);
        });
    }

    /** Runs the grid's one cell into the store and stops it after {@code trials} committed trials. */
    private static void cutShort(Path db, SweepGrid grid, int trials) {
        try (TandemStore store = TandemStore.open(StoreOptions.at(db))) {
            SweepRunner runner = new SweepRunner(store, SweepProtocols.read(grid.protocols()),
                    SyntheticFaceCrops.defaults(), 1);
            assertThatThrownBy(() -> runner.run(grid, new StopAfter(trials)))
                    .isInstanceOf(TandemException.class).hasMessageContaining("stopped after " + trials);
        }
    }

    private static java.util.List<SessionSummary> sessions(Path db) {
        try (TandemStore store = TandemStore.openForReading(StoreOptions.at(db))) {
            return store.sessions(SessionFilter.study(STUDY));
        }
    }

    /** Fails the session once it has committed so many trials, as a killed executor would leave it. */
    private record StopAfter(int trials, AtomicInteger stored) implements SweepRunner.Listener {
        StopAfter(int trials) {
            this(trials, new AtomicInteger());
        }

        @Override
        public void planned(int cells, int cellsToRun, long trialsToRun) {
        }

        @Override
        public void trialStored() {
            if (stored.incrementAndGet() == trials) {
                throw new IllegalStateException("stopped after " + trials);
            }
        }

        @Override
        public void cellFinished(SweepRunner.CellResult result) {
        }
    }
}
