package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mistyped subcommand is answered with the nearest real ones and exit status 2. */
class MistypedCommandTest {

    @Test
    void aMistypedCommandSuggestsTheNearestOnes() {
        CliRun run = CliRun.of("sesions", "list");
        assertThat(run.exitCode()).isEqualTo(TandemCli.EXIT_USAGE);
        assertThat(run.err().lines().findFirst().orElseThrow())
                .startsWith("tandem: 'sesions' is not a command of tandem; did you mean tandem sessions")
                .endsWith("?");
        assertThat(run.err()).contains("Try 'tandem --help'.").doesNotContain("Unmatched");
    }

    @Test
    void aMistypedSubcommandOfACommandSuggestsItsOwn() {
        CliRun run = CliRun.of("protocol", "valdate", "x");
        assertThat(run.exitCode()).isEqualTo(TandemCli.EXIT_USAGE);
        assertThat(run.err()).isEqualTo("tandem: 'valdate' is not a command of tandem protocol; did you mean"
                + " tandem protocol validate?\nTry 'tandem protocol --help'.\n");
        assertThat(CliRun.of("stimuli", "synt").err()).startsWith("tandem: 'synt' is not a command of tandem stimuli;"
                + " did you mean tandem stimuli synth");
    }

    @Test
    void anExtraWordAfterACommandWithoutSubcommandsIsStillReportedAsIs() {
        CliRun run = CliRun.of("protocol", "list", "extra");
        assertThat(run.exitCode()).isEqualTo(TandemCli.EXIT_USAGE);
        assertThat(run.err()).startsWith("tandem: Unmatched argument at index 2: 'extra'");
    }
}
