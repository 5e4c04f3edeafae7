package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.tandem.engine.bench.BenchMachine;
import org.tandem.engine.bench.SweepBenchmark;
import org.tandem.engine.sweep.SweepGrid;
import org.tandem.observer.spec.ObserverSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Time a sweep (tandem sweep) into a new temporary database: first with every",
                "network prediction to compute, then the same grid again, --kept-runs times, with",
                "every prediction kept (the median of those runs is compared with the target).",
                "Default grid: the three demo protocols x faceapi:expression, human:emotion and",
                "the untrained twin x seeds 1..10 (90 cells, 25,380 trials).",
                "Target: 10,000 trials/s with predictions kept, on 2 cores (--parallel 2)."})
final class BenchSweepCommand implements Runnable {
    static final double TARGET_TRIALS_PER_SECOND = 10_000;

    @Option(names = "--protocols", split = ",", paramLabel = "P",
            defaultValue = "expression-2afc-happy-sad,expression-6way,expression-abx",
            description = "Protocols (default: ${DEFAULT-VALUE}).")
    List<String> protocols;

    @Option(names = "--observers", split = ",", paramLabel = "SPEC",
            defaultValue = "faceapi:expression,human:emotion,faceapi:expression:untrained?seed=1",
            description = "Observers (default: ${DEFAULT-VALUE}).")
    List<String> observers;

    @Option(names = "--seeds", defaultValue = "1..10", paramLabel = "S",
            description = "Seeds (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "N",
            description = "Cells at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--kept-runs", defaultValue = "3", paramLabel = "N",
            description = "Sweeps with every prediction kept (default: ${DEFAULT-VALUE}).")
    int keptRuns;

    @Option(names = "--markdown", description = "Print a markdown table (for docs/BENCHMARKS.md).")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SweepGrid grid = new SweepGrid("bench", protocols, observers.stream().map(ObserverSpec::parse).toList(),
                SweepGrid.seeds(seeds, "--seeds"), List.of("argmax"), 1.0, null);
        List<SweepBenchmark.Phase> phases;
        try (Progress progress = Progress.of("bench sweep", 0)) {
            phases = SweepBenchmark.run(grid, parallel, keptRuns, new SweepBenchmark.Progress() {
                @Override
                public void total(long trials) {
                    progress.total(trials);
                }

                @Override
                public void step() {
                    progress.step();
                }
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %s%n", LocalDate.now(), BenchMachine.current().describe());
        out.printf(Locale.ROOT, "tandem bench sweep --protocols %s --observers %s --seeds %s --parallel %d"
                + " --kept-runs %d%n", String.join(",", protocols), String.join(",", observers), seeds, parallel,
                keptRuns);
        if (markdown) {
            out.println();
            out.println("| run | cells | trials | wall s | trials/s | predictions kept | predictions computed |");
            out.println("|---|---|---|---|---|---|---|");
        }
        for (SweepBenchmark.Phase p : phases) {
            out.printf(Locale.ROOT, markdown ? "| %s | %d | %,d | %.1f | %,.0f | %,d | %,d |%n"
                            : "%-22s %3d cells  %,7d trials  %6.1f s  %,7.0f trials/s  (predictions %,d kept,"
                            + " %,d computed)%n", p.name(), p.cells(), p.trials(), p.seconds(), p.trialsPerSecond(),
                    p.predictionsFound(), p.predictionsComputed());
        }
        double kept = SweepBenchmark.keptTrialsPerSecond(phases);
        out.printf(Locale.ROOT, "%nTarget (%,.0f trials/s with predictions kept): %s (median %,.0f trials/s)%n",
                TARGET_TRIALS_PER_SECOND, kept >= TARGET_TRIALS_PER_SECOND ? "met" : "not met", kept);
        out.flush();
    }
}
