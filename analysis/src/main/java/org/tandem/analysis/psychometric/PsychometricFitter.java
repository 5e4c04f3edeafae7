package org.tandem.analysis.psychometric;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fits ψ(x) = γ + (1 − γ − λ)·F((x − location)/scale) to binomial counts by maximum likelihood and puts intervals on
 * every reported number by parametric bootstrap. Data that cannot carry a fit give a result saying why, never an
 * exception.
 */
public final class PsychometricFitter {
    private static final int MIN_LEVELS = 3;

    private PsychometricFitter() {
    }

    public static PsychometricFit fit(BinomialCounts counts, FitOptions options) {
        return fitWithDraws(counts, options).fit();
    }

    /**
     * The fit and its curve ψ at the levels {@code x}, with a pointwise band: at each x the percentile interval (at
     * the options' coverage) of ψ over the bootstrap samples' refitted curves. Without a fit the curve is empty; without
     * a bootstrap the band is NaN.
     */
    public static FittedCurve fitCurve(BinomialCounts counts, FitOptions options, double[] x) {
        FitAndDraws result = fitWithDraws(counts, options);
        return FittedCurve.of(result.fit(), options, x, result.draws());
    }

    private record FitAndDraws(PsychometricFit fit, ParametricBootstrap.Draws draws) {
    }

    private static FitAndDraws fitWithDraws(BinomialCounts counts, FitOptions options) {
        BinomialCounts tested = counts.tested();
        String problem = whyNot(tested, options);
        if (problem != null) {
            return new FitAndDraws(PsychometricFit.cannotFit(problem, options, counts), null);
        }
        FitProblem fitProblem = FitProblem.of(tested, options);
        Parameters estimate = MaximumLikelihood.fit(fitProblem);
        CurveSummary summary = CurveSummary.of(fitProblem, estimate, true);
        Map<Quantity, Interval> intervals = new EnumMap<>(Quantity.class);
        Double gofP = null;
        ParametricBootstrap.Draws draws = null;
        double deviance = fitProblem.deviance(estimate);
        if (options.bootstrap() > 0) {
            draws = ParametricBootstrap.run(fitProblem, estimate, options.bootstrap(),
                    options.seed());
            Jackknife.Cases jackknife = options.intervals() == IntervalMethod.BCA
                    ? Jackknife.run(fitProblem, estimate) : null;
            for (Quantity q : Quantity.values()) {
                intervals.put(q, BootstrapIntervals.of(draws.values()[q.ordinal()], options.ciLevel(),
                        options.intervals(), summary.value(q),
                        jackknife == null ? null : jackknife.values()[q.ordinal()],
                        jackknife == null ? null : jackknife.weights()));
            }
            long atLeast = Arrays.stream(draws.deviances()).filter(d -> d >= deviance).count();
            gofP = (1.0 + atLeast) / (1.0 + options.bootstrap());
        }
        Estimate[] e = new Estimate[Quantity.values().length];
        for (Quantity q : Quantity.values()) {
            double v = summary.value(q);
            boolean notFitted = q == Quantity.OVERDISPERSION && !options.overdispersion();
            e[q.ordinal()] = new Estimate(Double.isNaN(v) ? null : v, summary.reason(q),
                    notFitted ? null : intervals.get(q));
        }
        return new FitAndDraws(new PsychometricFit(true, null, options.taskName(), options.sigmoid().cliName(),
                options.guess().toString(), options.lapse().toString(), tested.size(), tested.totalTrials(),
                e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9],
                fitProblem.logLikelihood(estimate), deviance, tested.size() - fitProblem.freeParameters(), gofP,
                options.bootstrap() > 0 ? new PsychometricFit.Bootstrap(options.bootstrap(), options.seed(),
                        options.ciLevel(), options.intervals()) : null), draws);
    }

    /** Why these data cannot carry a fit, or null when they can. */
    private static String whyNot(BinomialCounts tested, FitOptions options) {
        if (tested.totalTrials() == 0) {
            return "there are no trials (n = 0 at every level)";
        }
        if (tested.size() < MIN_LEVELS) {
            return "a psychometric function needs trials at " + MIN_LEVELS + " or more stimulus levels, got "
                    + tested.size() + " " + Arrays.toString(tested.levels());
        }
        boolean allNo = true;
        boolean allYes = true;
        for (int i = 0; i < tested.size(); i++) {
            allNo &= tested.k(i) == 0;
            allYes &= tested.k(i) == tested.n(i);
        }
        String positive = options.yesNoTask() ? "\"yes\"" : "correct";
        if (allNo || allYes) {
            return "every answer is " + (allYes ? positive : "not " + positive)
                    + ", so the data cannot place a curve; test a wider range of levels";
        }
        if (options.sigmoid().logAxis() && tested.level(0) <= 0) {
            return "the Weibull runs on log stimulus levels and needs every tested level > 0, got " + tested.level(0)
                    + "; use another sigmoid or shift the levels";
        }
        return null;
    }
}
