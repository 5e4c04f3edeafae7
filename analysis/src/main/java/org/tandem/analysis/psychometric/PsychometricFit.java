package org.tandem.analysis.psychometric;

import java.util.List;
import java.util.Map;

/**
 * Everything a psychometric fit reports, or, when the data cannot be fitted, why ({@code fitted} false, reason set and
 * every number null). Levels are in stimulus units; scale is on the sigmoid's axis (natural-log units for the
 * Weibull); width is psignifit's x(0.95) − x(0.05) of the unscaled sigmoid.
 *
 * @param direction       {@code increasing} or {@code decreasing}: the way the fitted curve runs ({@code auto} only
 *                        when the data could not be fitted)
 * @param directionRule   how an automatic direction was decided, or null when the direction was given
 * @param deviance        binomial deviance of the fitted curve against the saturated model
 * @param goodnessOfFitP  share of bootstrap deviances at least as large as the observed one, (1 + count)/(1 + B)
 * @param method          how the numbers were estimated: {@code ml} (maximum likelihood, bootstrap intervals) or
 *                        {@code bayes} (posterior mode with credible intervals, see {@link BayesianFitter})
 * @param posterior       how a Bayesian fit was made (null for maximum likelihood)
 */
public record PsychometricFit(boolean fitted, String reason, String task, String sigmoid, String direction,
                              String directionRule, String guessRate,
                              String lapseRate, int levels, int trials,
                              Estimate location, Estimate scale, Estimate width, Estimate guess, Estimate lapse,
                              Estimate overdispersion, Estimate pse, Estimate threshold, Estimate jnd, Estimate slope,
                              Double logLikelihood, Double deviance, Integer devianceDf, Double goodnessOfFitP,
                              Bootstrap bootstrap, String method, Posterior posterior) {

    /** How the intervals were made. */
    public record Bootstrap(int samples, long seed, double level, IntervalMethod method) {
    }

    /**
     * A Bayesian fit's estimates are the posterior mode (MAP) and its intervals equal-tailed credible intervals of the
     * posterior.
     *
     * @param level       the intervals' coverage
     * @param estimate    what the estimates are
     * @param intervals   how the intervals were read off the posterior
     * @param priors      the priors, with their source
     * @param grid        the grid the posterior was integrated on, one entry a parameter (on the fit's axis)
     * @param mean        posterior means on the grid: location (stimulus units), width (on the sigmoid's axis), guess,
     *                    lapse and overdispersion
     * @param logEvidence ln of the posterior's integral over the grid before normalisation, the likelihood without
     *                    binomial coefficients (comparable between fits of the same counts only)
     */
    public record Posterior(double level, String estimate, String intervals, String priors, List<GridAxis> grid,
                            Map<String, Double> mean, double logEvidence) {
    }

    /** One parameter's grid: from, to, and the number of evenly spaced points (1: fixed). */
    public record GridAxis(String parameter, double from, double to, int points) {
    }

    static PsychometricFit cannotFit(String reason, FitOptions options, BinomialCounts counts) {
        return cannotFit(reason, options, counts, FitMethod.ML);
    }

    static PsychometricFit cannotFit(String reason, FitOptions options, BinomialCounts counts, FitMethod method) {
        return new PsychometricFit(false, "cannot fit: " + reason, options.taskName(), options.sigmoid().cliName(),
                options.direction().label(), null, options.guess().toString(), options.lapse().toString(), counts.size(),
                counts.totalTrials(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                method.cliName(), null);
    }

    /**
     * The fitted curve ψ at stimulus level x, from the estimated location, scale, guess and lapse rates; NaN when the
     * data could not be fitted.
     */
    public double psiAt(double x) {
        if (!fitted) {
            return Double.NaN;
        }
        return FittedCurve.psi(Sigmoid.parse(sigmoid), Direction.parse(direction).sign(), location.value(), scale.value(), guess.value(), lapse.value(), x);
    }

    /** The estimate of one quantity. */
    Estimate estimate(Quantity q) {
        return switch (q) {
            case LOCATION -> location;
            case SCALE -> scale;
            case WIDTH -> width;
            case GUESS -> guess;
            case LAPSE -> lapse;
            case OVERDISPERSION -> overdispersion;
            case PSE -> pse;
            case THRESHOLD -> threshold;
            case JND -> jnd;
            case SLOPE -> slope;
        };
    }
}
