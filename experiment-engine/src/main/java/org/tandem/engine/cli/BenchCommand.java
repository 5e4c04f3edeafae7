package org.tandem.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the benchmarks; each prints a table and records the machine it ran on. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure speed on this machine.",
                "%nEach benchmark prints a table (--json for machine-readable output, --markdown for docs/BENCHMARKS.md)"
                        + " with the machine, software versions and date."},
        subcommands = {BenchObserverCommand.class, BenchFitCommand.class, BenchReadoutCommand.class, BenchUnitsCommand.class,
                BenchExplainCommand.class, BenchSweepCommand.class, BenchMorphCommand.class,
                BenchPresenterCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
