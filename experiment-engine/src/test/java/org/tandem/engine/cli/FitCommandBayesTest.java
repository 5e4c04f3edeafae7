package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tandem fit --method bayes on the reference data sets, against python-psignifit 4.3's MAP and intervals. */
class FitCommandBayesTest {
    /** python-psignifit 4.3 with its defaults on the 2AFC reference set (cumulative normal): MAP and 95 % intervals. */
    private static final double PSIGNIFIT_THRESHOLD = 4.243413710269142;
    private static final double PSIGNIFIT_WIDTH = 3.182168204295146;
    private static final double[] PSIGNIFIT_THRESHOLD_CI = {3.2031570452144895, 4.884212957419259};
    private static final double[] PSIGNIFIT_LAMBDA_CI = {0.0, 0.10318081267911926};
    /** And on the yes/no reference set. */
    private static final double PSIGNIFIT_YESNO_THRESHOLD = 51.155211863324276;
    private static final double PSIGNIFIT_YESNO_GAMMA = 0.010820069904946019;

    @TempDir
    Path dir;

    private Path twoAfc() throws IOException {
        return Files.writeString(dir.resolve("2afc.csv"), "level,k,n\n1,15,30\n2,11,30\n3,21,30\n4,18,30\n5,27,30\n"
                + "6,29,30\n7,29,30\n");
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void twoAfcJsonIsPsignifitsMapWithItsCredibleIntervals() throws IOException {
        JsonNode fit = json(CliRun.of("fit", "--csv", twoAfc().toString(), "--task", "2afc", "--method", "bayes",
                "--json"));
        assertThat(fit.get("method").asText()).isEqualTo("bayes");
        double ciWidth = PSIGNIFIT_THRESHOLD_CI[1] - PSIGNIFIT_THRESHOLD_CI[0];
        assertThat(fit.get("location").get("value").asDouble()).isCloseTo(PSIGNIFIT_THRESHOLD, within(0.01 * ciWidth));
        assertThat(fit.get("width").get("value").asDouble()).isCloseTo(PSIGNIFIT_WIDTH, within(0.05));
        assertThat(fit.get("location").get("ci").get("lower").asDouble()).isCloseTo(PSIGNIFIT_THRESHOLD_CI[0],
                within(0.1 * ciWidth));
        assertThat(fit.get("location").get("ci").get("upper").asDouble()).isCloseTo(PSIGNIFIT_THRESHOLD_CI[1],
                within(0.1 * ciWidth));
        assertThat(fit.get("lapse").get("ci").get("upper").asDouble()).isCloseTo(PSIGNIFIT_LAMBDA_CI[1],
                within(0.01));
        assertThat(fit.get("lapseRate").asText()).isEqualTo("free in [0, 0.5]");
        assertThat(fit.get("overdispersion").get("value").isNumber()).isTrue();
        assertThat(fit.get("bootstrap").isNull()).isTrue();
        JsonNode posterior = fit.get("posterior");
        assertThat(posterior.get("level").asDouble()).isEqualTo(0.95);
        assertThat(posterior.get("grid")).hasSize(5);
        assertThat(posterior.get("mean").get("location").asDouble()).isCloseTo(4.16093915909018, within(1e-6));
    }

    @Test
    void yesNoTextSaysItIsBayesianAndOptionsReachTheFit() throws IOException {
        Path csv = Files.writeString(dir.resolve("yesno.csv"), "level,k,n\n0,0,30\n5,0,30\n10,1,30\n15,1,30\n20,0,30\n"
                + "25,1,30\n30,2,30\n35,2,30\n40,8,30\n45,7,30\n50,14,30\n55,20,30\n60,24,30\n65,26,30\n70,27,30\n"
                + "75,27,30\n80,30,30\n85,29,30\n90,29,30\n95,30,30\n100,30,30\n");
        CliRun run = CliRun.of("fit", "--csv", csv.toString(), "--task", "yesno", "--method", "bayes");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("yes/no, cumnormal, increasing, guess free in [0, 0.5], lapse free in [0, 0.5]",
                "Bayesian fit (python-psignifit 4's priors): estimates are the posterior mode (MAP)",
                "95 % credible interval", "overdispersion", "40 × 40 × 20 × 20 × 20 grid")
                .containsPattern("location\\s+51\\.1\\d+\\s+\\[48\\.\\d+, 53\\.\\d+\\]");
        JsonNode fit = json(CliRun.of("fit", "--csv", csv.toString(), "--task", "yesno", "--method", "bayes",
                "--json"));
        assertThat(fit.get("location").get("value").asDouble()).isCloseTo(PSIGNIFIT_YESNO_THRESHOLD, within(0.05));
        assertThat(fit.get("guess").get("value").asDouble()).isCloseTo(PSIGNIFIT_YESNO_GAMMA, within(0.001));
        JsonNode bounded = json(CliRun.of("fit", "--csv", csv.toString(), "--task", "yesno", "--method", "bayes",
                "--guess", "fixed:0.01", "--lapse", "free:0.05", "--binomial", "--json"));
        assertThat(bounded.get("guessRate").asText()).isEqualTo("fixed at 0.01");
        assertThat(bounded.get("lapseRate").asText()).isEqualTo("free in [0, 0.05]");
        assertThat(bounded.get("lapse").get("ci").get("upper").asDouble()).isLessThanOrEqualTo(0.05);
        assertThat(bounded.get("overdispersion").get("value").isNull()).isTrue();
        assertThat(bounded.get("posterior").get("grid").get(2).get("points").asInt()).isEqualTo(1);
    }

    @Test
    void bootstrapOptionsAndUnknownMethodsAreRefused() throws IOException {
        Path csv = twoAfc();
        CliRun bootstrap = CliRun.of("fit", "--csv", csv.toString(), "--task", "2afc", "--method", "bayes",
                "--bootstrap", "100");
        assertThat(bootstrap.exitCode()).isEqualTo(1);
        assertThat(bootstrap.err().strip()).isEqualTo("tandem: --bootstrap applies to --method ml; --method bayes"
                + " gives credible intervals and estimates η unless --binomial");
        CliRun binomial = CliRun.of("fit", "--csv", csv.toString(), "--task", "2afc", "--binomial");
        assertThat(binomial.err()).contains("--binomial applies to --method bayes");
        CliRun unknown = CliRun.of("fit", "--csv", csv.toString(), "--task", "2afc", "--method", "mcmc");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("fit method 'mcmc' is not one of ml, bayes");
        // picocli warns on System.err about a description it cannot format (a % not written %%)
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        CliRun help;
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            help = CliRun.of("fit", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertThat(help.out()).contains("--method", "posterior mode (MAP)", "--binomial", "95 % credible");
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void benchFitTimesTheBayesianFitAgainstPsignifit() throws IOException {
        CliRun run = CliRun.of("bench", "fit", "--method", "bayes", "--repetitions", "1", "--warmup", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Bayesian fit (python-psignifit 4's defaults)", "psignifit ms", "speed-up")
                .containsPattern("2afc_7lvl_30tr\\s+7\\s+210\\s+[0-9.]+.*\\s1245\\s+[0-9.]+×")
                .containsPattern("yesno_21lvl_30tr\\s+21\\s+630\\s+[0-9.]+.*\\s24052\\s+[0-9.]+×");
        JsonNode json = json(CliRun.of("bench", "fit", "--method", "bayes", "--repetitions", "1", "--warmup", "0",
                "--json"));
        assertThat(json.get(0).get("method").asText()).isEqualTo("bayes");
        assertThat(json.get(1).get("psignifitMs").asDouble()).isCloseTo(24052.0, within(0.1));
    }

    @Test
    void benchFitPutsPsignifitsTimesMeasuredInTheSameRunBesideTandems() throws IOException {
        // as benchmarks/psignifit/time_psignifit.py writes it
        Path times = dir.resolve("psignifit-times.json");
        Files.writeString(times, "{\"psignifit_commit\": \"f063e4e\", \"datasets\": {"
                + "\"2afc_7lvl_30tr\": {\"median_s\": 0.894, \"min_s\": 0.88},"
                + "\"yesno_21lvl_30tr\": {\"median_s\": 16.373, \"min_s\": 16.1}}}");
        CliRun run = CliRun.of("bench", "fit", "--method", "bayes", "--repetitions", "1", "--warmup", "0",
                "--psignifit", times.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("psignifit's times measured on this machine (" + times + ")")
                .containsPattern("2afc_7lvl_30tr\\s+7\\s+210\\s+[0-9.]+.*\\s894\\s+[0-9.]+×")
                .containsPattern("yesno_21lvl_30tr\\s+21\\s+630\\s+[0-9.]+.*\\s16373\\s+[0-9.]+×");

        Files.writeString(times, "{\"datasets\": {\"2afc_7lvl_30tr\": {\"median_s\": 0.894}}}");
        CliRun partial = CliRun.of("bench", "fit", "--method", "bayes", "--psignifit", times.toString());
        assertThat(partial.exitCode()).isNotZero();
        assertThat(partial.err().strip()).isEqualTo("tandem: " + times + ": datasets.yesno_21lvl_30tr.median_s is"
                + " missing or not a positive number of seconds; time every data set with"
                + " benchmarks/psignifit/time_psignifit.py");
        CliRun withMl = CliRun.of("bench", "fit", "--psignifit", times.toString());
        assertThat(withMl.exitCode()).isNotZero();
        assertThat(withMl.err()).contains("--psignifit goes with --method bayes");
    }
}
