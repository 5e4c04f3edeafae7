package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.analysis.psychometric.BinomialCounts;
import org.tandem.analysis.psychometric.FitBenchmark;
import picocli.CommandLine;

/** tandem fit on the two reference data sets, written as aggregated and as trial-level CSV. */
class FitCommandTest {
    /** R psyphy 0.2-3's maximum-likelihood locations (glm.WH with λ in [0, 0.05]; psyfun.2asym). */
    private static final double PSYPHY_2AFC_LOCATION = 4.23143322863394;
    private static final double PSYPHY_YESNO_LOCATION = 51.1252943726535;

    @TempDir
    Path dir;

    private static BinomialCounts reference(int index) {
        List<FitBenchmark.Dataset> datasets = FitBenchmark.referenceDatasets(0, 1);
        return datasets.get(index).counts();
    }

    private Path aggregated(String name, BinomialCounts counts) throws IOException {
        StringBuilder csv = new StringBuilder("level,k,n\n");
        for (int i = 0; i < counts.size(); i++) {
            csv.append(counts.level(i)).append(',').append(counts.k(i)).append(',').append(counts.n(i)).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private Path trials(String name, BinomialCounts counts) throws IOException {
        StringBuilder csv = new StringBuilder("Level,Response,rt_ms\n");
        for (int i = 0; i < counts.size(); i++) {
            for (int t = 0; t < counts.n(i); t++) {
                csv.append(counts.level(i)).append(',').append(t < counts.k(i) ? 1 : 0).append(",500\n");
            }
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void twoAfcJsonMatchesPsyphyAndCarriesIntervalsAndReasons() throws IOException {
        Path csv = aggregated("2afc.csv", reference(0));
        JsonNode fit = json(CliRun.of("fit", "--csv", csv.toString(), "--task", "2afc", "--bootstrap", "500",
                "--seed", "3", "--json"));
        assertThat(fit.get("location").get("value").asDouble()).isCloseTo(PSYPHY_2AFC_LOCATION,
                Percentage.withPercentage(1));
        for (String field : List.of("location", "scale", "guess", "lapse", "threshold", "slope")) {
            JsonNode ci = fit.get(field).get("ci");
            assertThat(ci.get("lower").asDouble()).as(field).isLessThanOrEqualTo(fit.get(field).get("value").asDouble());
            assertThat(ci.get("upper").asDouble()).as(field).isGreaterThanOrEqualTo(fit.get(field).get("value").asDouble());
        }
        assertThat(fit.get("pse").get("value").isNull()).isTrue();
        assertThat(fit.get("pse").get("reason").asText()).contains("never crosses 0.5");
        assertThat(fit.get("jnd").get("value").isNull()).isTrue();
        assertThat(fit.get("deviance").asDouble()).isCloseTo(6.6693, within(1e-3));
        assertThat(fit.get("guess").get("value").asDouble()).isEqualTo(0.5);
    }

    @Test
    void yesNoTrialRowsGiveTheSameFitAsAggregatedRows() throws IOException {
        BinomialCounts counts = reference(1);
        JsonNode fromCounts = json(CliRun.of("fit", "--csv", aggregated("yesno.csv", counts).toString(), "--task",
                "yesno", "--bootstrap", "200", "--json"));
        JsonNode fromTrials = json(CliRun.of("fit", "--csv", trials("yesno-trials.csv", counts).toString(), "--task",
                "yesno", "--bootstrap", "200", "--json"));
        assertThat(fromTrials).isEqualTo(fromCounts);
        assertThat(fromCounts.get("location").get("value").asDouble()).isCloseTo(PSYPHY_YESNO_LOCATION,
                Percentage.withPercentage(1));
        assertThat(fromCounts.get("pse").get("value").asDouble()).isCloseTo(51.17, within(0.05));
        assertThat(fromCounts.get("jnd").get("ci").get("lower").isNumber()).isTrue();
        assertThat(fromCounts.get("trials").asInt()).isEqualTo(630);
    }

    @Test
    void textOutputIsATableAndOptionsReachTheFit() throws IOException {
        Path csv = aggregated("2afc.csv", reference(0));
        CliRun run = CliRun.of("fit", "--csv", csv.toString(), "--task", "2afc", "--lapse", "fixed:0",
                "--sigmoid", "logistic", "--bootstrap", "100");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2AFC, logistic, increasing, guess fixed at 0.5, lapse fixed at 0.0; 7 levels,"
                + " 210 trials", "direction auto: increasing, whose fit is the more likely")
                .containsPattern("location\\s+4\\.\\d+\\s+\\[")
                .contains("PSE", "never crosses 0.5", "deviance", "goodness-of-fit p");
        CliRun noBootstrap = CliRun.of("fit", "--csv", csv.toString(), "--task", "2afc", "--bootstrap", "0", "--json");
        assertThat(noBootstrap.out()).contains("\"bootstrap\" : null", "\"goodnessOfFitP\" : null");
    }

    @Test
    void aFallingYesNoCurveIsFittedFallingAndRefusedWhenFittedRising() throws IOException {
        // P("yes") falling from 0.92 to 0.07 over 0..10, 30 trials a level
        Path csv = Files.writeString(dir.resolve("falling.csv"), "level,k,n\n0,28,30\n2,27,30\n4,22,30\n5,16,30\n"
                + "6,9,30\n8,4,30\n10,2,30\n");
        CliRun auto = CliRun.of("fit", "--csv", csv.toString(), "--task", "yesno", "--bootstrap", "200", "--json");
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        JsonNode fit = new ObjectMapper().readTree(auto.out());
        assertThat(fit.get("direction").asText()).isEqualTo("decreasing");
        assertThat(fit.get("directionRule").asText()).startsWith("auto: decreasing");
        assertThat(fit.get("pse").get("value").asDouble()).isBetween(4.5, 6.0);
        assertThat(fit.get("slope").get("value").asDouble()).isNegative();
        assertThat(fit.get("jnd").get("value").asDouble()).isPositive();

        CliRun rising = CliRun.of("fit", "--csv", csv.toString(), "--task", "yesno", "--direction", "increasing");
        assertThat(rising.exitCode()).isEqualTo(1);
        assertThat(rising.err().strip()).doesNotContain("\n").contains("these proportions fall as the level rises");

        CliRun fixedGuess = CliRun.of("fit", "--csv", csv.toString(), "--task", "yesno", "--direction", "decreasing",
                "--guess", "fixed:0.02", "--sigmoid", "tdist", "--bootstrap", "0");
        assertThat(fixedGuess.exitCode()).as(fixedGuess.err()).isZero();
        assertThat(fixedGuess.out()).contains("yes/no, tdist, decreasing, guess fixed at 0.02");
        CliRun afcGuess = CliRun.of("fit", "--csv", csv.toString(), "--task", "2afc", "--guess", "fixed:0.1");
        assertThat(afcGuess.err().strip()).isEqualTo("tandem: --guess: a 2AFC task fixes the guess rate at 1/2;"
                + " --guess applies to --task yesno");
    }

    @Test
    void flatDataFitNeitherDirection() throws IOException {
        Path csv = Files.writeString(dir.resolve("flat.csv"), "level,k,n\n1,15,30\n2,16,30\n3,14,30\n4,15,30\n");
        CliRun run = CliRun.of("fit", "--csv", csv.toString(), "--task", "yesno");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("neither rise nor fall with the level");
    }

    @Test
    void badRowsAndBadOptionsGiveOneLineNamingFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "level,k,n\n1,3,10\n2,twelve,10\n");
        CliRun run = CliRun.of("fit", "--csv", bad.toString(), "--task", "2afc");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("tandem: " + bad + " line 3: k 'twelve' is not a whole number ≥ 0");
        Path tooMany = Files.writeString(dir.resolve("k.csv"), "level,k,n\n1,3,10\n2,11,10\n");
        assertThat(CliRun.of("fit", "--csv", tooMany.toString(), "--task", "2afc").err())
                .contains(tooMany + " line 3: k = 11 is more than n = 10");
        Path response = Files.writeString(dir.resolve("r.csv"), "level,response\n1,1\n2,yes\n");
        assertThat(CliRun.of("fit", "--csv", response.toString(), "--task", "yesno").err())
                .contains(response + " line 3: response 'yes' must be 0 or 1");
        Path header = Files.writeString(dir.resolve("h.csv"), "x,y\n1,2\n");
        assertThat(CliRun.of("fit", "--csv", header.toString(), "--task", "yesno").err())
                .contains("header must name the columns level,k,n or level,response; got x,y");
        Path quote = Files.writeString(dir.resolve("q.csv"), "level,k,n\n1,3,10\n\"2,4,10\n");
        CliRun unterminated = CliRun.of("fit", "--csv", quote.toString(), "--task", "yesno");
        assertThat(unterminated.exitCode()).isEqualTo(1);
        assertThat(unterminated.err()).contains(quote + ": not a readable CSV file");
        assertThat(CliRun.of("fit", "--csv", dir.resolve("missing.csv").toString(), "--task", "yesno").err())
                .contains("missing.csv: no such file");
        CliRun task = CliRun.of("fit", "--csv", bad.toString(), "--task", "3way");
        assertThat(task.exitCode()).isEqualTo(1);
        assertThat(task.err()).contains("--task '3way'");
        assertThat(CliRun.of("fit", "--csv", bad.toString(), "--task", "2afc", "--lapse", "fixed:1.5").err())
                .contains("--lapse 'fixed:1.5'");
        for (CliRun r : List.of(run, task)) {
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception");
        }
    }

    @Test
    void dataThatCannotBeFittedSayWhyAndExitWithOne() throws IOException {
        Path flat = Files.writeString(dir.resolve("flat.csv"), "level,k,n\n1,10,10\n2,10,10\n3,10,10\n");
        CliRun run = CliRun.of("fit", "--csv", flat.toString(), "--task", "yesno", "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"fitted\" : false");
        assertThat(run.err().strip()).isEqualTo("tandem: " + flat
                + ": cannot fit: every answer is \"yes\", so the data cannot place a curve; test a wider range of levels");
    }

    @Test
    void benchFitReportsMedianAndP90PerDataset() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchFitCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("--repetitions", "2", "--warmup", "0", "--bootstrap", "20");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("ML fit + 20-sample parametric bootstrap", "median ms", "p90 ms")
                .containsPattern("2afc_7lvl_30tr\\s+7\\s+210").containsPattern("yesno_21lvl_30tr\\s+21\\s+630");
    }

    @Test
    void helpDescribesEveryOption() {
        CliRun run = CliRun.of("fit", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--csv", "--task", "--sigmoid", "--lapse", "--bootstrap", "--seed",
                "--intervals", "--overdispersion", "--json");
        StringWriter help = new StringWriter();
        new CommandLine(new BenchFitCommand()).usage(new PrintWriter(help, true));
        assertThat(help.toString()).contains("--repetitions", "--warmup", "--bootstrap", "--json");
    }
}
