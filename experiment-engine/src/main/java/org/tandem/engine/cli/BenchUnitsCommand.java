package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.tandem.analysis.units.UnitAnovaBenchmark;
import org.tandem.engine.bench.BenchMachine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "units", mixinStandardHelpOptions = true,
        description = {"Time the selective-unit tests (two-way ANOVA and tuning; one-way identity ANOVA) at the paper's size.",
                "%n100,000 units over 624 images (104 identities × 6 expressions), seeded values.",
                "Target: under 10 s on 2 cores."})
final class BenchUnitsCommand implements Runnable {
    @Mixin
    RepetitionsOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        int repetitions = runs.value();
        UnitAnovaBenchmark.Timing t;
        UnitAnovaBenchmark.IdentityTiming id;
        try (Progress progress = Progress.of("bench units", 2 * repetitions)) {
            t = UnitAnovaBenchmark.run(repetitions, progress::step);
            id = UnitAnovaBenchmark.identity(repetitions, progress::step);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %s%n", LocalDate.now(), BenchMachine.current().describe());
        out.printf(Locale.ROOT, "ANOVA + tuning of %,d units over %d images: median %.0f ms, fastest %.0f ms (%d runs);"
                + " %,d units expression-selective (10,000 carry an expression effect)%n", t.units(), t.images(),
                t.medianMs(), t.minMs(), repetitions, t.expressionSelective());
        out.printf(Locale.ROOT, "Identity units (one-way ANOVA, SI/MI) of %,d units over %d images: median %.0f ms,"
                + " fastest %.0f ms (%d runs); %,d identity-selective, %,d single-identity%n", id.units(), id.images(),
                id.medianMs(), id.minMs(), repetitions, id.identitySelective(), id.singleIdentity());
        out.flush();
    }
}
