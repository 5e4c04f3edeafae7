package org.tandem.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tandem.analysis.psychometric.FitBenchmark;
import org.tandem.analysis.psychometric.FitMethod;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Time one maximum-likelihood psychometric fit plus its parametric bootstrap",
                "on the two reference data sets (7-level 2AFC, 21-level yes/no, 30 trials per",
                "level): median and 90th percentile milliseconds per fit. Target: 100 ms with",
                "2000 samples on 2 cores. Other work on the machine slows the figures.",
                "--method bayes times the Bayesian fit with python-psignifit 4's defaults",
                "instead, next to psignifit's time for the same fit: recorded on a 2-core",
                "machine, or measured in the same run with --psignifit (the file written by",
                "benchmarks/psignifit/time_psignifit.py, which fits the very same data sets)."})
final class BenchFitCommand implements Runnable {
    @Option(names = "--repetitions", defaultValue = "50", paramLabel = "N",
            description = "Timed fits per data set (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Untimed fits before the timed ones, for the JIT (default: 10 for ml, 100 for bayes, whose"
                    + " grid loops take that many fits to be fully compiled).")
    Integer warmup;

    @Option(names = "--bootstrap", defaultValue = "2000", paramLabel = "N",
            description = "Bootstrap samples per fit (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--method", defaultValue = "ml", paramLabel = "METHOD",
            description = "ml (fit + bootstrap) or bayes (the Bayesian fit, no bootstrap) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--psignifit", paramLabel = "FILE",
            description = "With --method bayes: psignifit's times measured on this machine by"
                    + " benchmarks/psignifit/time_psignifit.py, instead of the recorded ones.")
    Path psignifitTimes;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        FitMethod fitMethod = FitMethod.parse(method);
        int warmup = this.warmup != null ? this.warmup : fitMethod == FitMethod.BAYES ? 100 : 10;
        if (repetitions < 1 || warmup < 0 || bootstrap < 0) {
            throw new TandemException("need --repetitions ≥ 1, --warmup ≥ 0 and --bootstrap ≥ 0");
        }
        if (psignifitTimes != null && fitMethod != FitMethod.BAYES) {
            throw new TandemException("--psignifit goes with --method bayes (psignifit's fit is the Bayesian one)");
        }
        List<FitBenchmark.Dataset> datasets = FitBenchmark.referenceDatasets(bootstrap, 1);
        if (psignifitTimes != null) {
            datasets = PsignifitTimes.read(psignifitTimes).applyTo(datasets);
        }
        List<FitBenchmark.Timing> timings;
        try (Progress progress = Progress.of("bench fit", (long) datasets.size() * (repetitions + warmup))) {
            timings = FitBenchmark.run(datasets, fitMethod, repetitions, warmup, progress::step);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(timings));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the timings as JSON", e);
            }
        } else if (fitMethod == FitMethod.BAYES) {
            out.printf(Locale.ROOT, "Bayesian fit (python-psignifit 4's defaults), %d timed runs after %d warm-up, %d CPUs,"
                    + " Java %s; psignifit's times %s%n", repetitions, warmup,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    psignifitTimes == null ? "as recorded on a 2-core machine (not this run)"
                            : "measured on this machine (" + psignifitTimes + ")");
            out.printf(Locale.ROOT, "%-18s %6s %6s %10s %8s %8s %8s %8s %13s %9s%n", "dataset", "levels", "trials",
                    "median ms", "p90 ms", "min ms", "max ms", "CPU ms", "psignifit ms", "speed-up");
            for (FitBenchmark.Timing t : timings) {
                out.printf(Locale.ROOT, "%-18s %6d %6d %10.1f %8.1f %8.1f %8.1f %8.1f %13.0f %8.1f×%n", t.dataset(),
                        t.levels(), t.trials(), t.medianMs(), t.p90Ms(), t.minMs(), t.maxMs(), t.cpuMsPerFit(),
                        t.psignifitMs(), t.psignifitMs() / t.medianMs());
            }
            out.println("CPU ms: the process's CPU time per timed fit, all threads added up; speed-up: psignifit's"
                    + " time over the median.");
        } else {
            out.printf(Locale.ROOT, "ML fit + %d-sample parametric bootstrap, %d timed runs after %d warm-up, %d CPUs, Java %s%n",
                    bootstrap, repetitions, warmup, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            out.printf(Locale.ROOT, "%-18s %6s %6s %10s %8s %8s %8s%n", "dataset", "levels", "trials", "median ms",
                    "p90 ms", "min ms", "max ms");
            for (FitBenchmark.Timing t : timings) {
                out.printf(Locale.ROOT, "%-18s %6d %6d %10.1f %8.1f %8.1f %8.1f%n", t.dataset(), t.levels(), t.trials(),
                        t.medianMs(), t.p90Ms(), t.minMs(), t.maxMs());
            }
        }
        out.flush();
    }
}
