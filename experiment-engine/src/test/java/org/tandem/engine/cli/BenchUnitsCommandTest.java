package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code tandem bench units} once: it times the test at the paper's size and finds the units that carry an expression
 * effect (10,000) plus about 1 % of the others by chance at alpha 0.01 (the figure itself belongs in docs/BENCHMARKS.md).
 */
class BenchUnitsCommandTest {

    @Test
    void itFindsTheUnitsWithAnExpressionEffectAndAboutOnePercentOfTheRest() {
        CliRun run = CliRun.of("bench", "units", "--repetitions", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = Pattern.compile("ANOVA \\+ tuning of 100,000 units over 624 images: median [0-9]+ ms.*; ([0-9,]+)"
                + " units expression-selective").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        int selective = Integer.parseInt(m.group(1).replace(",", ""));
        // the 10,000 with an effect, and about 0.01 × 0.99 × 90,000 ≈ 900 of the rest
        assertThat(selective).isBetween(10_500, 11_300);
    }
}
