package org.tandem.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.engine.sweep.SweepProtocols;
import org.tandem.engine.sweep.SweepRunner;

/**
 * Times a sweep into a new database: first with every prediction still to compute, then the same grid again as other
 * studies, every prediction kept, so those runs cost the decisions and the commits. A kept run lasts seconds, so it is
 * repeated and the median taken. The store's opening check is timed apart (it grows with the file, not with the sweep).
 */
public final class SweepBenchmark {
    private SweepBenchmark() {
    }

    /** One timed sweep: its trials, wall time from plan to last commit, and the predictions kept and computed. */
    public record Phase(String name, int cells, long trials, double seconds, long predictionsFound,
                        long predictionsComputed) {
        public double trialsPerSecond() {
            return trials / seconds;
        }
    }

    /** Told of both phases' trials as soon as they are planned, and of every stored trial. */
    public interface Progress {
        void total(long trials);

        void step();
    }

    /** @param keptRuns how many times the grid is swept again with every prediction kept */
    public static List<Phase> run(SweepGrid grid, int parallel, int keptRuns, Progress progress) {
        if (keptRuns < 1) {
            throw new org.tandem.protocols.TandemException("--kept-runs must be at least 1, got " + keptRuns);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tandem-bench-sweep");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the benchmark's database", e);
        }
        try (TandemStore store = TandemStore.open(new StoreOptions(dir.resolve("sweep.mv.db"), null))) {
            SweepProtocols protocols = SweepProtocols.read(grid.protocols());
            SweepRunner runner = new SweepRunner(store, protocols, SyntheticFaceCrops.defaults(), parallel);
            List<Phase> phases = new java.util.ArrayList<>();
            phases.add(phase("predictions computed", runner, grid, 1 + keptRuns, progress));
            for (int run = 1; run <= keptRuns; run++) {
                SweepGrid again = new SweepGrid(grid.study() + "-kept-" + run, grid.protocols(), grid.observers(),
                        grid.seeds(), grid.rules(), grid.temperature(), grid.variant());
                phases.add(phase("predictions kept #" + run, runner, again, 1 + keptRuns, progress));
            }
            return phases;
        } finally {
            delete(dir);
        }
    }

    /** The median trials per second of the runs with every prediction kept (all but the first phase). */
    public static double keptTrialsPerSecond(List<Phase> phases) {
        double[] rates = phases.subList(1, phases.size()).stream().mapToDouble(Phase::trialsPerSecond).sorted()
                .toArray();
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    /** @param runs how many sweeps of this grid the benchmark makes in all, to size the progress bar */
    private static Phase phase(String name, SweepRunner runner, SweepGrid grid, int runs, Progress progress) {
        long[] started = new long[1];
        List<SweepRunner.CellResult> results = runner.run(grid, new SweepRunner.Listener() {
            @Override
            public void planned(int cells, int cellsToRun, long trialsToRun) {
                progress.total(runs * trialsToRun);
                started[0] = System.nanoTime();
            }

            @Override
            public void trialStored() {
                progress.step();
            }

            @Override
            public void cellFinished(SweepRunner.CellResult result) {
            }
        });
        double seconds = (System.nanoTime() - started[0]) / 1e9;
        return new Phase(name, results.size(), results.stream().mapToLong(SweepRunner.CellResult::trialsRun).sum(),
                seconds, results.stream().mapToLong(SweepRunner.CellResult::predictionsFound).sum(),
                results.stream().mapToLong(SweepRunner.CellResult::predictionsComputed).sum());
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
