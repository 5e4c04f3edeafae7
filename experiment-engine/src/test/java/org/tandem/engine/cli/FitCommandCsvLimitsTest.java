package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.plan.SplitMix64;

/** tandem fit --csv on data a fit must refuse (naming the line), and on a million rows. */
class FitCommandCsvLimitsTest {
    private static final int MILLION = 1_000_000;
    /** Only a guard against a hang; the measured time is in docs/BENCHMARKS.md. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private String refusal(String name, String csv) throws IOException {
        Path file = Files.writeString(dir.resolve(name), csv);
        CliRun run = CliRun.of("fit", "--csv", file.toString(), "--task", "yesno", "--bootstrap", "0");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception");
        return run.err().strip().replace(file.toString(), "FILE");
    }

    @Test
    void countsThatAddUpPastWhatAFitHoldsAreRefusedAtTheLineWhereTheyDo() throws IOException {
        // each row fits in an int, their sum does not: summed in 32 bits it would wrap round to a negative n
        assertThat(refusal("sum.csv", "level,k,n\n1,1000000000,2000000000\n2,5,10\n1,1,200000000\n"))
                .isEqualTo("tandem: FILE line 4: the counts add up to more than 2147483647 trials, more than a fit"
                        + " takes; check the n column");
        assertThat(refusal("one.csv", "level,k,n\n1,1,10\n2,3,3000000000\n"))
                .startsWith("tandem: FILE line 3: the counts add up to more than 2147483647 trials");
        assertThat(refusal("huge.csv", "level,k,n\n1,1,99999999999999999999\n"))
                .isEqualTo("tandem: FILE line 2: n '99999999999999999999' is too large");
    }

    @Test
    void levelsThatAreNotFiniteOrAbsurdlyLargeAreRefusedWithTheirLine() throws IOException {
        assertThat(refusal("nan.csv", "level,response\n1,0\nNaN,1\n"))
                .isEqualTo("tandem: FILE line 3: level 'NaN' is not a finite number");
        assertThat(refusal("inf.csv", "level,k,n\n1,1,2\n-Infinity,1,2\n"))
                .isEqualTo("tandem: FILE line 3: level '-Infinity' is not a finite number");
        assertThat(refusal("overflow.csv", "level,k,n\n1e400,1,2\n"))
                .isEqualTo("tandem: FILE line 2: level '1e400' is not a finite number");
        assertThat(refusal("big.csv", "level,k,n\n1,1,2\n2,1,2\n-2e12,1,2\n"))
                .isEqualTo("tandem: FILE line 4: level '-2e12' is beyond ±1e12; give the levels in units that keep"
                        + " them smaller (percent, dB, log units)");
        assertThat(refusal("word.csv", "level,k,n\nhigh,1,2\n")).isEqualTo("tandem: FILE line 2: level 'high' is not a number");
    }

    @Test
    void aRepeatedColumnNegativeCountsAndKAboveNAreRefused() throws IOException {
        assertThat(refusal("twice.csv", "level,k,n,K\n1,1,2,3\n"))
                .isEqualTo("tandem: FILE line 1: the header names the column 'K' twice; rename or remove one of them");
        assertThat(refusal("twice-response.csv", "\n\nLevel,response,level\n1,0,2\n"))
                .isEqualTo("tandem: FILE line 3: the header names the column 'level' twice; rename or remove one of them");
        assertThat(refusal("negative-k.csv", "level,k,n\n1,-1,10\n"))
                .isEqualTo("tandem: FILE line 2: k '-1' is not a whole number ≥ 0");
        assertThat(refusal("negative-n.csv", "level,k,n\n1,0,-10\n"))
                .isEqualTo("tandem: FILE line 2: n '-10' is not a whole number ≥ 0");
        // blank lines are skipped but still counted, so the line named is the one an editor shows
        assertThat(refusal("k-above-n.csv", "level,k,n\n1,2,10\n\n\n2,11,10\n"))
                .isEqualTo("tandem: FILE line 5: k = 11 is more than n = 10");
        assertThat(refusal("empty.csv", "")).startsWith("tandem: FILE: the file is empty");
    }

    @Test
    void aByteOrderMarkAndBlankColumnsDoNotHideTheHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("excel.csv"), "\uFEFFlevel,k,n,,\n1,1,10,,\n2,5,10,,\n3,9,10,,\n");
        CliRun run = CliRun.of("fit", "--csv", file.toString(), "--task", "yesno", "--bootstrap", "0", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aMillionTrialRowsAreAggregatedInSeconds() throws IOException {
        Path file = dir.resolve("trials.csv");
        SplitMix64 random = new SplitMix64(11);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("level,response\n");
            for (int i = 0; i < MILLION; i++) {
                int level = 5 * (i % 21);
                out.write(level + "," + (random.nextInt(100) < chanceOfYes(level) ? 1 : 0) + "\n");
            }
        }
        JsonNode fit = fitWithin(file);
        assertThat(fit.get("trials").asLong()).isEqualTo(MILLION);
        assertThat(fit.get("pse").get("value").asDouble()).isBetween(45.0, 55.0);
    }

    @Test
    void aMillionCountRowsAreAggregatedInSeconds() throws IOException {
        Path file = dir.resolve("counts.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("level,k,n\n");
            for (int i = 0; i < MILLION; i++) {
                int level = 5 * (i % 21);
                out.write(level + "," + chanceOfYes(level) / 10 + ",10\n");
            }
        }
        JsonNode fit = fitWithin(file);
        assertThat(fit.get("trials").asLong()).isEqualTo(10L * MILLION);
        assertThat(fit.get("levels").asInt()).isEqualTo(21);
    }

    /** Percent "yes" at a level of 0..100: a steep ogive round 50. */
    private static int chanceOfYes(int level) {
        return (int) Math.round(100 / (1 + Math.exp(-(level - 50) / 8.0)));
    }

    private static JsonNode fitWithin(Path file) throws IOException {
        CliRun run = assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.of("fit", "--csv", file.toString(), "--task",
                "yesno", "--bootstrap", "0", "--json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }
}
