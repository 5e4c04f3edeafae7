package org.tandem.engine.cli;

import org.tandem.protocols.TandemException;
import picocli.CommandLine.Option;

/** {@code --repetitions}: how many timed runs a benchmark makes. */
final class RepetitionsOption {
    @Option(names = "--repetitions", defaultValue = "5", paramLabel = "N",
            description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int repetitions;

    /** The number of runs, refused in one line below 1. */
    int value() {
        return require(repetitions);
    }

    static int require(int repetitions) {
        if (repetitions < 1) {
            throw new TandemException("--repetitions must be at least 1, got " + repetitions);
        }
        return repetitions;
    }
}
