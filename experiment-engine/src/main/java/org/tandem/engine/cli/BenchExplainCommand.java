package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tandem.engine.bench.BenchMachine;
import org.tandem.engine.explain.MapBenchmark;
import org.tandem.observer.readout.ClassifierKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Time a class-activation map: batches of 16 built-in faces through the",
                "network and back (the gradient), Grad-CAM, the resize and the region",
                "shares, for the expression network (its own outputs) and the recognition",
                "network (an SVM readout of its descriptor). Milliseconds per map; no files",
                "are written. Target: well under a second per map on 2 cores."})
final class BenchExplainCommand implements Runnable {
    @Option(names = "--repetitions", defaultValue = "10", paramLabel = "N",
            description = "Timed batches per network (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        RepetitionsOption.require(repetitions);
        List<MapBenchmark.Timing> timings = new ArrayList<>();
        try (Progress progress = Progress.of("bench explain", 2L * (repetitions + 1))) {
            timings.add(MapBenchmark.run("faceapi:expression", null, repetitions, progress::step));
            timings.add(MapBenchmark.run("faceapi:recognition", ClassifierKind.SVM, repetitions, progress::step));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %s%n", LocalDate.now(), BenchMachine.current().describe());
        out.printf(Locale.ROOT, "%-22s %-18s %-14s %6s %12s %10s%n", "network", "layer", "scores", "batch",
                "median ms/map", "min ms/map");
        for (MapBenchmark.Timing t : timings) {
            out.printf(Locale.ROOT, "%-22s %-18s %-14s %6d %12.1f %10.1f%n", t.network(), t.layer(), t.scores(),
                    t.batch(), t.medianMs(), t.minMs());
        }
        out.flush();
    }
}
