package org.tandem.engine.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.readout.TrainingProgress;
import org.tandem.observer.spec.Observers;
import org.tandem.protocols.TandemException;

/**
 * Runs a {@link SweepGrid} in one process: each cell one stored model session, found again by its cell key, so a sweep
 * that was stopped (even by kill -9) continues when run again: finished cells are skipped, a cell cut short resumes at
 * its first uncommitted block, the others start. Cells run on {@code parallel} threads, each session with one PyTorch
 * thread; all share the store (whose writes are serialised) and its prediction cache.
 */
public final class SweepRunner {
    private final TandemStore store;
    private final SweepProtocols protocols;
    private final SyntheticFaceCrops builtInCrops;
    private final int parallel;

    public SweepRunner(TandemStore store, SweepProtocols protocols, SyntheticFaceCrops builtInCrops, int parallel) {
        if (parallel < 1) {
            throw new TandemException("--parallel must be at least 1, got " + parallel);
        }
        this.store = store;
        this.protocols = protocols;
        this.builtInCrops = builtInCrops;
        this.parallel = parallel;
    }

    /** How a cell ended in this run. */
    public enum Outcome { STARTED, RESUMED, ALREADY_DONE }

    /** A cell's session and what this run did with it. */
    public record CellResult(SweepCell cell, String sessionId, Outcome outcome, int trialsRun, long predictionsFound,
                             long predictionsComputed) {
    }

    /** Told what the sweep will do, of every stored trial, and of every finished cell (from any thread). */
    public interface Listener {
        void planned(int cells, int cellsToRun, long trialsToRun);

        void trialStored();

        void cellFinished(CellResult result);
    }

    /**
     * Runs every cell not yet completed. A cell that fails stops the sweep (cells already running finish); its session
     * is left to be resumed by the next run.
     *
     * @return every cell's result, in grid order
     */
    public List<CellResult> run(SweepGrid grid, Listener listener) {
        List<SweepCell> cells = grid.cells();
        Map<String, SessionSummary> stored = storedCells(grid.study());
        List<CellJob> jobs = new ArrayList<>();
        List<CellResult> results = new ArrayList<>(Collections.nCopies(cells.size(), null));
        long trials = 0;
        for (int i = 0; i < cells.size(); i++) {
            SweepCell cell = cells.get(i);
            check(cell, protocols.of(cell.protocol()));
            SessionSummary session = stored.get(cell.key());
            if (session != null && session.status() == SessionStatus.COMPLETED) {
                results.set(i, new CellResult(cell, session.sessionId(), Outcome.ALREADY_DONE, 0, 0, 0));
                continue;
            }
            CellJob job = session != null ? CellJob.resume(i, cell, session, protocols.of(cell.protocol()))
                    : CellJob.start(i, cell, grid.study(), protocols.of(cell.protocol()));
            jobs.add(job);
            trials += job.trialsToRun();
        }
        listener.planned(cells.size(), jobs.size(), trials);
        runAll(jobs, results, listener);
        return results;
    }

    /**
     * Refuses a cell that could not run before any runs, so a long sweep does not stop halfway on a typo; public for a
     * driver (the Spark job) that checks every cell before handing them out.
     */
    public static void check(SweepCell cell, SweepProtocols.Resolved protocol) {
        try {
            Observers.check(cell.observer(), protocol.protocol().task(),
                    DecisionRule.parse(cell.rule(), cell.temperature(), cell.seed()));
        } catch (TandemException e) {
            throw new TandemException("sweep cell " + cell.key() + ": " + e.getMessage() + "; nothing was run", e);
        }
    }

    private void runAll(List<CellJob> jobs, List<CellResult> results, Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, jobs.size())), task -> {
            Thread t = new Thread(task, "tandem-sweep");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (CellJob job : jobs) {
                running.add(pool.submit(() -> {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        CellResult result = job.run(store, builtInCrops, TrainingProgress.NONE,
                                (trial, response, done, total) -> listener.trialStored());
                        synchronized (results) {
                            results.set(job.index(), result);
                        }
                        listener.cellFinished(result);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, new TandemException("sweep cell " + job.cell().key() + ": "
                                + e.getMessage() + " (run the sweep again to continue the other cells)", e));
                    }
                }));
            }
            for (Future<?> cell : running) {
                waitFor(cell);
            }
        } finally {
            pool.shutdown();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** The sessions of the study that belong to sweep cells, by cell key; a completed one wins over others. */
    private Map<String, SessionSummary> storedCells(String study) {
        Map<String, SessionSummary> byCell = new HashMap<>();
        for (SessionSummary session : store.sessions(SessionFilter.study(study))) {
            String key = session.stationInfo().get(SweepCell.FACT);
            if (key != null) {
                byCell.merge(key, session, (a, b) -> b.status() == SessionStatus.COMPLETED ? b : a);
            }
        }
        return byCell;
    }

    private static void waitFor(Future<?> cell) {
        boolean interrupted = false;
        while (true) {
            try {
                cell.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a sweep cell failed outside its session", e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
