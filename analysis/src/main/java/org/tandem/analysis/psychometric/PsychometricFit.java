package org.tandem.analysis.psychometric;

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
 */
public record PsychometricFit(boolean fitted, String reason, String task, String sigmoid, String direction,
                              String directionRule, String guessRate,
                              String lapseRate, int levels, int trials,
                              Estimate location, Estimate scale, Estimate width, Estimate guess, Estimate lapse,
                              Estimate overdispersion, Estimate pse, Estimate threshold, Estimate jnd, Estimate slope,
                              Double logLikelihood, Double deviance, Integer devianceDf, Double goodnessOfFitP,
                              Bootstrap bootstrap) {

    /** How the intervals were made. */
    public record Bootstrap(int samples, long seed, double level, IntervalMethod method) {
    }

    static PsychometricFit cannotFit(String reason, FitOptions options, BinomialCounts counts) {
        return new PsychometricFit(false, "cannot fit: " + reason, options.taskName(), options.sigmoid().cliName(),
                options.direction().label(), null, options.guess().toString(), options.lapse().toString(), counts.size(),
                counts.totalTrials(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
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
