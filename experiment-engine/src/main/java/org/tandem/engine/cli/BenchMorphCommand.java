package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.tandem.engine.bench.BenchMachine;
import org.tandem.engine.bench.MorphBenchmark;
import org.tandem.engine.bench.TimingStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "morph", mixinStandardHelpOptions = true,
        description = {"Time a landmark morph as 'stimuli morph' makes it: face detection and 68 landmarks on two",
                "562 x 762 images (KDEF's size; the built-in average face, sad and happy) and a 21-level continuum.",
                "No files are written. Target: under 2 s on 2 cores."})
final class BenchMorphCommand implements Runnable {
    @Mixin
    RepetitionsOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        int repetitions = runs.value();
        MorphBenchmark.Timing t;
        try (Progress progress = Progress.of("bench morph", repetitions)) {
            t = MorphBenchmark.run(repetitions, progress::step);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %s%n", LocalDate.now(), BenchMachine.current().describe());
        out.printf(Locale.ROOT, "Morph of two %d x %d images, %d levels: median %.0f ms, fastest %.0f ms (%d runs)%n",
                MorphBenchmark.WIDTH, MorphBenchmark.HEIGHT, MorphBenchmark.LEVELS, t.total().medianMs(),
                t.total().minMs(), repetitions);
        out.printf(Locale.ROOT, "  %s%n  %s%n", part("faces and landmarks (2 images)", t.landmarks()),
                part("warps and blends (" + MorphBenchmark.LEVELS + " levels)", t.morph()));
        out.flush();
    }

    private static String part(String what, TimingStats stats) {
        return String.format(Locale.ROOT, "%-36s median %.0f ms, fastest %.0f ms", what, stats.medianMs(), stats.minMs());
    }
}
