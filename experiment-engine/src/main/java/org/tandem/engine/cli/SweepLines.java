package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.engine.sweep.SweepRunner;

/** What {@code tandem sweep} prints: the plan, one line per finished cell, one progress bar with an ETA, the total. */
final class SweepLines implements SweepRunner.Listener, AutoCloseable {
    private final PrintWriter out;
    private final SweepGrid grid;
    private final Path db;
    private Progress progress;

    SweepLines(PrintWriter out, SweepGrid grid, Path db) {
        this.out = out;
        this.grid = grid;
        this.db = db;
    }

    @Override
    public synchronized void planned(int cells, int cellsToRun, long trialsToRun) {
        out.printf("Sweep of %d cells (%d protocols x %d observers x %d seeds x %d rules), study %s: %d to run"
                        + " (%,d trials), %d already completed%n", cells, grid.protocols().size(),
                grid.observers().size(), grid.seeds().size(), grid.rules().size(), grid.study(), cellsToRun,
                trialsToRun, cells - cellsToRun);
        out.flush();
        progress = Progress.of("sweep", trialsToRun);
    }

    @Override
    public void trialStored() {
        progress.step();
    }

    @Override
    public synchronized void cellFinished(SweepRunner.CellResult result) {
        out.println(result.sessionId() + "  " + result.outcome().name().toLowerCase(java.util.Locale.ROOT) + "  "
                + result.trialsRun() + " trials  " + result.cell().key() + "  "
                + ModelSessionRunner.predictions(result.predictionsFound(), result.predictionsComputed()));
        out.flush();
    }

    void summary(List<SweepRunner.CellResult> results, double seconds) {
        long run = results.stream().filter(r -> r.outcome() != SweepRunner.Outcome.ALREADY_DONE).count();
        long trials = results.stream().mapToLong(SweepRunner.CellResult::trialsRun).sum();
        out.printf("Swept %d cells into %s: %d run, %d already completed; %,d trials in %.1f s (%,.0f trials/s)%n",
                results.size(), db, run, results.size() - run, trials, seconds, seconds > 0 ? trials / seconds : 0.0);
    }

    @Override
    public synchronized void close() {
        if (progress != null) {
            progress.close();
        }
    }
}
