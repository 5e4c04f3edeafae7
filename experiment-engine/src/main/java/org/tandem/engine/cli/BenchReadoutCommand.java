package org.tandem.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.tandem.engine.bench.BenchMachine;
import org.tandem.engine.bench.BenchTable;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.ReadoutBenchmark;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "readout", mixinStandardHelpOptions = true,
        description = {"Time the linear readouts' fits at the sizes Tandem trains them.",
                "%nlogistic is Tandem's multinomial L-BFGS; logistic-ovr and svm are LIBLINEAR. Sizes: one fold of",
                "the default readout set (120 rows) at the widths of the networks' default layers, an identity",
                "readout (24 classes) and a set five times larger; each timing is the whole grid of 5 C values.",
                "The rows are seeded Gaussian clusters, the same on every machine; the best held-out accuracy",
                "over the grid shows that each solver fits as well."})
final class BenchReadoutCommand implements Runnable {
    @Option(names = "--repetitions", defaultValue = "7", paramLabel = "N",
            description = "Timed grids per size and readout (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "N",
            description = "Untimed grids before the timed ones, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Mixin
    BenchFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (repetitions < 1 || warmup < 0) {
            throw new TandemException("need --repetitions ≥ 1 and --warmup ≥ 0");
        }
        List<ReadoutBenchmark.Size> sizes = ReadoutBenchmark.SIZES;
        List<ClassifierKind> kinds = ClassifierKind.LINEAR;
        List<ReadoutBenchmark.Timing> timings;
        try (Progress progress = Progress.of("bench readout", (long) sizes.size() * kinds.size() * (repetitions + warmup))) {
            timings = ReadoutBenchmark.run(sizes, kinds, repetitions, warmup, n -> progress.step());
        }
        BenchTable table = new BenchTable("problem", "rows x features, classes", "readout", "median ms", "min ms",
                "x logistic", "held-out accuracy");
        for (ReadoutBenchmark.Timing t : timings) {
            double logistic = timings.stream().filter(o -> o.size() == t.size() && o.kind() == ClassifierKind.LOGISTIC)
                    .findFirst().orElseThrow().medianMs();
            table.row(t.size().name(), t.size().rows() + " x " + t.size().features() + ", " + t.size().classes(),
                    t.kind().label(), BenchTable.millis(t.medianMs()), BenchTable.millis(t.minMs()),
                    String.format(Locale.ROOT, "%.2f", t.medianMs() / logistic),
                    String.format(Locale.ROOT, "%.3f", t.heldOutAccuracy()));
        }
        String machine = BenchMachine.current().describe();
        String heading = String.format(Locale.ROOT, "Linear readout fits, grid of 5 C, median of %d after %d warm-up",
                repetitions, warmup);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(() -> heading + "\n" + machine + "\n" + table.text(),
                () -> json(timings), () -> "### " + LocalDate.now() + ", " + machine + "\n\n" + heading + ".\n\n"
                        + table.markdown()));
        out.flush();
    }

    private static String json(List<ReadoutBenchmark.Timing> timings) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(timings) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the timings as JSON", e);
        }
    }
}
