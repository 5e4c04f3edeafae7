package org.tandem.analysis.psychometric;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A Bayesian fit equivalent to python-psignifit 4's default: the posterior over threshold (Tandem's location), width,
 * guess and lapse rates and beta-binomial overdispersion η under psignifit's priors ({@link PsignifitPriors}),
 * integrated on psignifit's grids ({@link PosteriorGrid}), with the posterior mode (MAP) as every estimate
 * ({@link PosteriorMode}) and equal-tailed credible intervals ({@link CredibleIntervals}).
 * <p>
 * As psignifit does ({@code psignifit/psignifit.py}, {@code _fit_parameters}, and the grid sizes of
 * {@code psignifit/_configuration.py}): a first grid over the priors' whole support (yes/no: threshold 25 × width 30 ×
 * λ 10 × γ 10 × η 15 points; n-AFC: 30 × 40 × 10 × 1 × 20), then a fine grid (40 × 40 × 20 × 20 × 20; n-AFC γ 1)
 * over the part of each axis where some first-grid point holds at least 10⁻⁵ of the posterior, widened by one step
 * each way. The fine grid gives the marginal posteriors, their means and intervals; its best point starts the MAP.
 * <p>
 * Threshold, width, guess, lapse and η get psignifit's percentile intervals of their marginal posteriors; the PSE,
 * threshold (n-AFC: halfway between γ and 1), JND and slope, which psignifit does not report, get the equal-tailed
 * quantiles of their posterior distribution over the fine grid, with the same rules for when they are defined as the
 * maximum-likelihood fit ({@link CurveSummary}). The curve's direction, and data that cannot carry a fit, are decided as
 * for the maximum-likelihood fit. Everything is deterministic; the grid runs on all cores, with the same result on
 * any number of them.
 */
public final class BayesianFitter {
    private static final int T = PsignifitPriors.THRESHOLD;
    private static final int W = PsignifitPriors.WIDTH;
    private static final int G = PsignifitPriors.GUESS;
    private static final int L = PsignifitPriors.LAPSE;
    private static final int E = PsignifitPriors.ETA;
    /** psignifit's {@code steps_moving_bounds} and {@code grid_steps}, in threshold, width, γ, λ, η order. */
    static final int[] YES_NO_FIRST = {25, 30, 10, 10, 15};
    static final int[] YES_NO_FINE = {40, 40, 20, 20, 20};
    static final int[] AFC_FIRST = {30, 40, 1, 10, 20};
    static final int[] AFC_FINE = {40, 40, 1, 20, 20};
    /** psignifit's {@code max_bound_value}: the mass a first-grid point needs to be kept in the fine grid's range. */
    static final double KEEP_MASS = 1e-5;
    static final String ESTIMATE = "posterior mode (MAP), climbed from the best grid point";
    static final String PRIORS = "python-psignifit 4 defaults: threshold uniform over the tested range with cosine"
            + " fall-off to 50 % of the range beyond it; width uniform on (2 × the smallest level step, the range) with"
            + " cosine fall-offs to 1 × the step and 3 × the range; guess and lapse Beta(1, 10); η Beta(1, 10)";

    private BayesianFitter() {
    }

    /** The Bayesian fit; data that cannot carry a fit give a result saying why, never an exception. */
    public static PsychometricFit fit(BinomialCounts counts, FitOptions options) {
        return analyse(counts, options).fit();
    }

    /**
     * The options with psignifit's defaults where Tandem's differ: a free guess or lapse rate gets psignifit's bound
     * 0.5 (Tandem's maximum-likelihood fit bounds them at 0.05), and η is estimated.
     */
    public static FitOptions psignifitDefaults(FitOptions options) {
        FitOptions o = options.withOverdispersion(true);
        if (o.guess().free()) {
            o = o.withGuess(Asymptote.free(PsignifitPriors.ASYMPTOTE_MAX));
        }
        return o.lapse().free() ? o.withLapse(Asymptote.free(PsignifitPriors.ASYMPTOTE_MAX)) : o;
    }

    /** A fit with what it was computed from (null where the data could not be fitted). */
    record Analysis(PsychometricFit fit, PosteriorModel model, PosteriorGrid first, PosteriorGrid fine, double[] mode) {
    }

    static Analysis analyse(BinomialCounts counts, FitOptions options) {
        BinomialCounts tested = counts.tested();
        String problem = PsychometricFitter.whyNot(tested, options);
        if (problem == null) {
            // the direction is decided, or checked, by the binomial maximum-likelihood fits, as for method ml
            PsychometricFitter.Oriented oriented = PsychometricFitter.orient(tested, options.withOverdispersion(false));
            if (oriented.refusal() == null) {
                return analyse(tested, options, FitProblem.of(tested, options, oriented.problem().direction()),
                        oriented.rule());
            }
            problem = oriented.refusal();
        }
        return new Analysis(PsychometricFit.cannotFit(problem, options, counts, FitMethod.BAYES), null, null, null,
                null);
    }

    private static Analysis analyse(BinomialCounts tested, FitOptions options, FitProblem problem, String rule) {
        PosteriorModel model = new PosteriorModel(problem, PsignifitPriors.of(problem));
        PsignifitPriors priors = model.priors;
        boolean yesNo = options.yesNoTask();
        double[][] wide = new double[PsignifitPriors.COUNT][2];
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            wide[j] = new double[] {priors.lower(j), priors.upper(j)};
        }
        PosteriorGrid first = PosteriorGrid.evaluate(model, axes(wide, yesNo ? YES_NO_FIRST : AFC_FIRST), true);
        PosteriorGrid fine = PosteriorGrid.evaluate(model,
                axes(first.boundsHolding(KEEP_MASS), yesNo ? YES_NO_FINE : AFC_FINE), false);
        double[] mode = PosteriorMode.find(model, fine);
        return new Analysis(report(tested, options, problem, rule, model, fine, mode), model, first, fine, mode);
    }

    static double[][] axes(double[][] bounds, int[] steps) {
        double[][] axes = new double[PsignifitPriors.COUNT][];
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            axes[j] = PosteriorGrid.axis(bounds[j][0], bounds[j][1], steps[j]);
        }
        return axes;
    }

    private static PsychometricFit report(BinomialCounts tested, FitOptions options, FitProblem problem, String rule,
                                          PosteriorModel model, PosteriorGrid fine, double[] mode) {
        double unitWidth = problem.unitWidth;
        Parameters estimate = new Parameters(mode[T], mode[W] / unitWidth, mode[G], mode[L], mode[E]);
        CurveSummary summary = CurveSummary.of(problem, estimate, true);
        double level = options.ciLevel();
        Map<Quantity, Interval> ci = new EnumMap<>(Quantity.class);
        ci.put(Quantity.LOCATION, onAxis(fine, T, level, problem::level));
        ci.put(Quantity.SCALE, onAxis(fine, W, level, w -> w / unitWidth));
        ci.put(Quantity.GUESS, onAxis(fine, G, level, g -> g));
        ci.put(Quantity.LAPSE, onAxis(fine, L, level, l -> l));
        if (options.overdispersion()) {
            ci.put(Quantity.OVERDISPERSION, onAxis(fine, E, level, e -> e));
        }
        double[] values = new double[fine.massWithoutEta.length];
        ci.put(Quantity.WIDTH, problem.sigmoid.logAxis() ? derived(problem, fine, Quantity.WIDTH, level, values)
                : onAxis(fine, W, level, w -> w));
        for (Quantity q : new Quantity[] {Quantity.PSE, Quantity.THRESHOLD, Quantity.JND, Quantity.SLOPE}) {
            ci.put(q, derived(problem, fine, q, level, values));
        }
        Estimate[] e = new Estimate[Quantity.values().length];
        for (Quantity q : Quantity.values()) {
            double v = summary.value(q);
            e[q.ordinal()] = new Estimate(Double.isNaN(v) ? null : v, summary.reason(q), ci.get(q));
        }
        int free = 0;
        List<PsychometricFit.GridAxis> grid = new ArrayList<>();
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            double[] axis = fine.axes[j];
            free += model.priors.fixed(j) ? 0 : 1;
            grid.add(new PsychometricFit.GridAxis(PsignifitPriors.NAMES[j], axis[0], axis[axis.length - 1],
                    axis.length));
        }
        double[] means = fine.means();
        Map<String, Double> mean = new LinkedHashMap<>();
        mean.put("location", problem.level(means[T]));
        mean.put("width", means[W]);
        mean.put("guess", means[G]);
        mean.put("lapse", means[L]);
        mean.put("overdispersion", means[E]);
        PsychometricFit.Posterior posterior = new PsychometricFit.Posterior(level, ESTIMATE, String.format(
                java.util.Locale.ROOT, "equal-tailed %.0f %% credible intervals: percentiles of the marginal posteriors"
                        + " (psignifit's rule) for location, scale, width, guess, lapse and overdispersion; quantiles of"
                        + " the posterior over the grid for PSE, threshold, JND and slope", 100 * level), PRIORS, grid,
                mean, fine.logEvidence);
        return new PsychometricFit(true, null, options.taskName(), options.sigmoid().cliName(),
                problem.direction().label(), rule, options.guess().toString(), options.lapse().toString(),
                tested.size(), tested.totalTrials(), e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9],
                problem.logLikelihood(estimate), problem.deviance(estimate), tested.size() - free, null, null,
                FitMethod.BAYES.cliName(), posterior);
    }

    private static Interval onAxis(PosteriorGrid grid, int j, double level, DoubleUnaryOperator map) {
        return CredibleIntervals.onAxis(grid.axes[j], grid.marginals[j], level, map);
    }

    /**
     * The credible interval of a number read off the curve of every (γ, λ, threshold, width) point of the grid (PSE,
     * threshold, JND, slope, or a Weibull's width in stimulus units), NaN where the curve leaves it undefined.
     *
     * @param values room for one value a point
     */
    private static Interval derived(FitProblem problem, PosteriorGrid grid, Quantity q, double level,
                                    double[] values) {
        Sigmoid f = problem.sigmoid;
        double z95 = f.quantile(0.95);
        double z05 = f.quantile(0.05);
        int index = 0;
        for (double guess : grid.axes[G]) {
            for (double lapse : grid.axes[L]) {
                double amplitude = 1 - guess - lapse;
                double thresholdLevel = problem.options.yesNoTask() ? 0.5 : guess + (1 - guess) / 2;
                double z = z(f, ((q == Quantity.PSE ? 0.5 : q == Quantity.JND ? 0.75 : thresholdLevel) - guess)
                        / amplitude);
                double z25 = z(f, (0.25 - guess) / amplitude);
                for (double location : grid.axes[T]) {
                    for (double width : grid.axes[W]) {
                        double scale = width / problem.unitWidth;
                        double x = crossing(problem, location, scale, z);
                        values[index++] = switch (q) {
                            case PSE, THRESHOLD -> x;
                            case JND -> Math.abs(x - crossing(problem, location, scale, z25)) / 2;
                            case SLOPE -> Double.isNaN(x) ? Double.NaN
                                    : CurveSummary.slopeAt(problem, x, z, amplitude, scale);
                            default -> Math.abs(problem.level(location + scale * z95)
                                    - problem.level(location + scale * z05));
                        };
                    }
                }
            }
        }
        return CredibleIntervals.derived(values, grid.massWithoutEta, level);
    }

    /** F⁻¹(q), or NaN where the curve never reaches the level (q outside (0, 1)). */
    private static double z(Sigmoid f, double q) {
        return q > 0 && q < 1 ? f.quantile(q) : Double.NaN;
    }

    /** The stimulus level where the unscaled sigmoid's argument is z, NaN when far outside the tested range. */
    private static double crossing(FitProblem problem, double location, double scale, double z) {
        return CurveSummary.nearRange(problem, problem.level(location + scale * z));
    }
}
