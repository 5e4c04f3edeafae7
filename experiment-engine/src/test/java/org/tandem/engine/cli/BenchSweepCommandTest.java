package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code tandem bench sweep} on a small grid: the first sweep computes the network's predictions, every later one keeps
 * them all, and the target line compares the median of the kept runs (the figures themselves belong in
 * docs/BENCHMARKS.md).
 */
class BenchSweepCommandTest {

    @Test
    void theKeptRunsComputeNothingAndTheirMedianIsComparedWithTheTarget() {
        CliRun run = CliRun.of("bench", "sweep", "--protocols", "expression-2afc-happy-sad", "--observers",
                "faceapi:expression", "--seeds", "1..2", "--kept-runs", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().filter(l -> l.startsWith("predictions ")).toList();
        assertThat(rows).as(run.out()).hasSize(4);
        assertThat(rows.get(0)).startsWith("predictions computed").contains("2 cells").contains("1,260 trials")
                .containsPattern("computed\\)$");
        Pattern kept = Pattern.compile("predictions kept #[123] +2 cells +1,260 trials .* ([0-9,]+) trials/s"
                + " +\\(predictions 42 kept, 0 computed\\)");
        double[] rates = new double[3];
        for (int i = 1; i < 4; i++) {
            Matcher m = kept.matcher(rows.get(i));
            assertThat(m.find()).as(rows.get(i)).isTrue();
            rates[i - 1] = Double.parseDouble(m.group(1).replace(",", ""));
        }
        java.util.Arrays.sort(rates);
        Matcher target = Pattern.compile("Target \\(10,000 trials/s with predictions kept\\): (not met|met) \\(median"
                + " ([0-9,]+) trials/s\\)").matcher(run.out());
        assertThat(target.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(target.group(2).replace(",", ""))).isCloseTo(rates[1],
                org.assertj.core.data.Offset.offset(1.0));
    }
}
