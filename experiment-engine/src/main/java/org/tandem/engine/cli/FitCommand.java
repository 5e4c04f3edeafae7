package org.tandem.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.analysis.psychometric.Asymptote;
import org.tandem.analysis.psychometric.BayesianFitter;
import org.tandem.analysis.psychometric.FitMethod;
import org.tandem.analysis.psychometric.Direction;
import org.tandem.analysis.psychometric.BinomialCounts;
import org.tandem.analysis.psychometric.FitOptions;
import org.tandem.analysis.psychometric.IntervalMethod;
import org.tandem.analysis.psychometric.PsychometricFit;
import org.tandem.analysis.psychometric.Sigmoid;
import org.tandem.engine.fit.FitCsv;
import org.tandem.engine.fit.FitText;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit a psychometric function by maximum likelihood, with parametric-bootstrap",
                "intervals for every number: location, scale, width, guess and lapse rates,",
                "PSE, threshold, JND and slope; the deviance and a bootstrap goodness-of-fit p.",
                "The CSV needs a header and either aggregated rows level,k,n or trial rows",
                "level,response (0/1). Exits with 1 when the data cannot be fitted, saying why.",
                "--method bayes fits as python-psignifit 4 does instead: the posterior mode (MAP)",
                "with 95 %% credible intervals under psignifit's default priors."})
final class FitCommand implements Callable<Integer> {
    private static final Pattern AFC = Pattern.compile("([0-9]+)afc");

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The data (level,k,n or level,response).")
    Path csv;

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "2afc (guess rate fixed at 0.5; any nafc fixes it at 1/n) or yesno (guess rate free in"
                    + " [0, 0.05] unless --guess says otherwise).")
    String task;

    @Option(names = "--sigmoid", defaultValue = "cumnormal", paramLabel = "NAME",
            description = "cumnormal, logistic, gumbel, rgumbel (reverse Gumbel), tdist (Student's t, 1 df, heavy"
                    + " tails) or weibull (on log levels; levels must be > 0) (default: ${DEFAULT-VALUE}).")
    String sigmoid;

    @Option(names = "--direction", defaultValue = "auto", paramLabel = "DIR",
            description = "increasing, decreasing, or auto: the direction whose fit is more likely, refused when it"
                    + " fits no better than a flat line (default: ${DEFAULT-VALUE}). A curve fitted against the"
                    + " direction its data run is refused, not reported.")
    String direction;

    @Option(names = "--guess", paramLabel = "RULE",
            description = "yesno only: free (in [0, 0.05], the default), free:MAX or fixed:V. An n-AFC task fixes the"
                    + " guess rate at 1/n.")
    String guess;

    @Option(names = "--lapse", defaultValue = "free", paramLabel = "RULE",
            description = "free (in [0, 0.05]), free:MAX or fixed:V (default: ${DEFAULT-VALUE}).")
    String lapse;

    @Option(names = "--bootstrap", defaultValue = "2000", paramLabel = "N",
            description = "Parametric bootstrap samples, 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--intervals", defaultValue = "percentile", paramLabel = "METHOD",
            description = "percentile or bca (default: ${DEFAULT-VALUE}).")
    IntervalMethod intervals;

    @Option(names = "--overdispersion", description = "Fit a beta-binomial overdispersion η as well (slower bootstrap).")
    boolean overdispersion;

    @Option(names = "--json", description = "Print the whole result as JSON.")
    boolean json;

    // --method bayes: python-psignifit 4's Bayesian fit (BayesianFitter)

    @Option(names = "--method", defaultValue = "ml", paramLabel = "METHOD",
            description = {"ml (maximum likelihood, parametric-bootstrap intervals) or bayes (default:"
                    + " ${DEFAULT-VALUE}). bayes is python-psignifit 4's default fit: the posterior over threshold,"
                    + " width, guess, lapse and overdispersion η on psignifit's grid, under its priors (threshold and"
                    + " width from the tested levels; guess, lapse and η Beta(1, 10)); every number is the posterior"
                    + " mode (MAP), every interval an equal-tailed 95 %% credible interval. With bayes, --lapse free"
                    + " (and yes/no --guess free) means psignifit's [0, 0.5], η is estimated unless --binomial, and"
                    + " --bootstrap, --seed and --intervals do not apply."})
    String method;

    @Option(names = "--binomial", description = "With --method bayes: the binomial likelihood (η = 0) instead of"
            + " psignifit's beta-binomial.")
    boolean binomial;

    /** The options of a Bayesian fit: psignifit's defaults where the command line left Tandem's. */
    private FitOptions bayesOptions(FitOptions options) {
        for (String mlOnly : new String[] {"--bootstrap", "--seed", "--intervals", "--overdispersion"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(mlOnly)) {
                throw new TandemException(mlOnly + " applies to --method ml; --method bayes gives credible"
                        + " intervals and estimates η unless --binomial");
            }
        }
        FitOptions psignifit = BayesianFitter.psignifitDefaults(options);
        FitOptions o = options.withOverdispersion(!binomial);
        if (isFree(lapse)) {
            o = o.withLapse(psignifit.lapse());
        }
        return o.yesNoTask() && (guess == null || isFree(guess)) ? o.withGuess(psignifit.guess()) : o;
    }

    private static boolean isFree(String rule) {
        return rule.strip().equalsIgnoreCase("free");
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (bootstrap < 0) {
            throw new TandemException("--bootstrap " + bootstrap + ": use 0 (no intervals) or more samples");
        }
        FitOptions options = taskOptions();
        if (guess != null) {
            if (!options.yesNoTask()) {
                throw new TandemException("--guess: a " + options.taskName() + " task fixes the guess rate at 1/"
                        + options.alternatives() + "; --guess applies to --task yesno");
            }
            options = options.withGuess(asymptote("--guess", guess));
        }
        options = options.withSigmoid(Sigmoid.parse(sigmoid)).withLapse(asymptote("--lapse", lapse))
                .withDirection(Direction.parse(direction)).withOverdispersion(overdispersion).withBootstrap(bootstrap, seed).withIntervals(intervals, 0.95);
        FitMethod fitMethod = FitMethod.parse(method);
        if (fitMethod == FitMethod.BAYES) {
            options = bayesOptions(options);
        } else if (binomial) {
            throw new TandemException("--binomial applies to --method bayes; --method ml is binomial unless"
                    + " --overdispersion");
        }
        BinomialCounts counts = FitCsv.read(csv);
        PsychometricFit fit = fitMethod.fit(counts, options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fit));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the fit as JSON", e);
            }
        } else {
            out.print(FitText.render(fit));
        }
        out.flush();
        if (!fit.fitted()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("tandem: " + csv + ": " + fit.reason());
            err.flush();
            return TandemCli.EXIT_INPUT;
        }
        return 0;
    }

    private FitOptions taskOptions() {
        String name = task.strip().toLowerCase(Locale.ROOT);
        if (name.equals("yesno")) {
            return FitOptions.yesNo();
        }
        Matcher afc = AFC.matcher(name);
        if (afc.matches() && Integer.parseInt(afc.group(1)) >= 2) {
            return FitOptions.nAfc(Integer.parseInt(afc.group(1)));
        }
        throw new TandemException("--task '" + task + "': use 2afc (or another nafc with n ≥ 2) or yesno");
    }

    private static Asymptote asymptote(String option, String text) {
        String rule = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (rule.equals("free")) {
                return Asymptote.free(Asymptote.DEFAULT_MAX);
            }
            if (rule.startsWith("free:")) {
                return Asymptote.free(Double.parseDouble(rule.substring(5)));
            }
            if (rule.startsWith("fixed:")) {
                return Asymptote.fixed(Double.parseDouble(rule.substring(6)));
            }
        } catch (IllegalArgumentException e) {
            // a number out of range or not a number: reported below
        }
        throw new TandemException(option + " '" + text + "': use free, free:MAX or fixed:V with 0 ≤ V, MAX < 1");
    }
}
