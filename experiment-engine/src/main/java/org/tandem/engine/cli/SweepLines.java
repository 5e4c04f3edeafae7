package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.engine.sweep.SweepRunner;

/** What {@code tandem sweep} prints: the plan, one line per finished cell, one progress bar with an ETA, the total. */
final class SweepLines implements SweepRunner.Listener, AutoCloseable {
    private final PrintWriter out;
    private final SweepGrid grid;
    private final String db;
    private final double openSeconds;
    private long plannedAt;
    private Progress progress;

    /** @param openSeconds how long opening the store took (every opening checks the whole file first) */
    SweepLines(PrintWriter out, SweepGrid grid, String db, double openSeconds) {
        this.out = out;
        this.grid = grid;
        this.db = db;
        this.openSeconds = openSeconds;
    }

    @Override
    public synchronized void planned(int cells, int cellsToRun, long trialsToRun) {
        out.printf("Sweep of %d cells (%d protocols x %d observers x %d seeds x %d rules), study %s: %d to run"
                        + " (%,d trials), %d already completed%n", cells, grid.protocols().size(),
                grid.observers().size(), grid.seeds().size(), grid.rules().size(), grid.study(), cellsToRun,
                trialsToRun, cells - cellsToRun);
        out.flush();
        progress = Progress.of("sweep", trialsToRun);
        plannedAt = System.nanoTime();
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

    /** The total: cells, trials and their rate, timed from the plan to the last commit (the store's check apart). */
    void summary(List<SweepRunner.CellResult> results) {
        double seconds = (System.nanoTime() - plannedAt) / 1e9;
        long run = results.stream().filter(r -> r.outcome() != SweepRunner.Outcome.ALREADY_DONE).count();
        long trials = results.stream().mapToLong(SweepRunner.CellResult::trialsRun).sum();
        out.printf("Swept %d cells into %s: %d run, %d already completed; %,d trials in %.1f s (%,.0f trials/s),"
                        + " after %.1f s opening and checking the store%n", results.size(), db, run,
                results.size() - run, trials, seconds, seconds > 0 ? trials / seconds : 0.0, openSeconds);
    }

    @Override
    public synchronized void close() {
        if (progress != null) {
            progress.close();
        }
    }
}
