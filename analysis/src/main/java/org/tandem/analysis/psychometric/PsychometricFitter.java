package org.tandem.analysis.psychometric;

import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

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
        Oriented oriented = orient(tested, options);
        if (oriented.refusal() != null) {
            return new FitAndDraws(PsychometricFit.cannotFit(oriented.refusal(), options, counts), null);
        }
        FitProblem fitProblem = oriented.problem();
        Parameters estimate = oriented.estimate();
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
                fitProblem.direction().label(), oriented.rule(), options.guess().toString(), options.lapse().toString(), tested.size(), tested.totalTrials(),
                e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9],
                fitProblem.logLikelihood(estimate), deviance, tested.size() - fitProblem.freeParameters(), gofP,
                options.bootstrap() > 0 ? new PsychometricFit.Bootstrap(options.bootstrap(), options.seed(),
                        options.ciLevel(), options.intervals()) : null, FitMethod.ML.cliName(), null), draws);
    }

    /**
     * The fit in its direction: the one asked for, unless the other describes the data clearly better (then the fit
     * is refused, never reported the wrong way round); or, for {@link Direction#AUTO}, the better of the two, refused
     * when neither beats a flat line.
     *
     * @param rule    how an automatic direction was decided (null when it was given)
     * @param refusal why no curve is reported, or null
     */
    record Oriented(FitProblem problem, Parameters estimate, String rule, String refusal) {
    }

    /** Log-likelihood by which the other direction must beat the one asked for before the fit is refused. */
    static final double WRONG_DIRECTION_MARGIN = 3;
    /** Below this p against a flat line, an automatic direction is taken as a real trend. */
    static final double FLAT_LINE_ALPHA = 0.05;

    static Oriented orient(BinomialCounts tested, FitOptions options) {
        Direction asked = options.direction();
        Direction first = asked == Direction.AUTO ? Direction.INCREASING : asked;
        FitProblem one = FitProblem.of(tested, options, first);
        Parameters oneFit = MaximumLikelihood.fit(one);
        FitProblem other = FitProblem.of(tested, options, first.opposite());
        Parameters otherFit = MaximumLikelihood.fit(other);
        double l1 = one.logLikelihood(oneFit);
        double l2 = other.logLikelihood(otherFit);
        if (asked != Direction.AUTO) {
            if (l2 - l1 > WRONG_DIRECTION_MARGIN) {
                return new Oriented(null, null, null, String.format(Locale.ROOT, "these proportions %s as the level"
                        + " rises, which a%s curve cannot describe (log-likelihood %.2f as %s, %.2f as %s); fit them"
                        + " as %s, or let the data decide (auto)", asked == Direction.INCREASING ? "fall" : "rise",
                        asked == Direction.INCREASING ? " rising" : " falling", l1, asked.label(), l2,
                        asked.opposite().label(), asked.opposite().label()));
            }
            return new Oriented(one, oneFit, null, null);
        }
        boolean rising = l1 >= l2;
        FitProblem chosen = rising ? one : other;
        double best = Math.max(l1, l2);
        int df = chosen.freeParameters() - 1;
        double flat = flatLineLogLikelihood(chosen);
        double lr = 2 * (best - flat);
        double p = df < 1 ? Double.NaN : 1 - new ChiSquaredDistribution(df).cumulativeProbability(Math.max(0, lr));
        String rule = String.format(Locale.ROOT, "auto: %s, whose fit is the more likely (log-likelihood %.2f against"
                + " %.2f %s); against a flat line χ²(%d) = %.2f, p = %.3g", chosen.direction().label(), best,
                Math.min(l1, l2), (rising ? Direction.DECREASING : Direction.INCREASING).label(), df, lr, p);
        if (!(p < FLAT_LINE_ALPHA)) {
            return new Oriented(null, null, rule, "the proportions neither rise nor fall with the level: the better"
                    + " direction (" + chosen.direction().label() + ") fits no better than a flat line ("
                    + String.format(Locale.ROOT, "χ²(%d) = %.2f, p = %.3g", df, lr, p) + "), so no curve is reported");
        }
        return new Oriented(chosen, rising ? oneFit : otherFit, rule, null);
    }

    /** The log-likelihood of one proportion at every level (on the problem's own scale, without coefficients). */
    private static double flatLineLogLikelihood(FitProblem problem) {
        long k = 0;
        long n = 0;
        for (int i = 0; i < problem.k.length; i++) {
            k += problem.k[i];
            n += problem.n[i];
        }
        double p = FitProblem.clampProbability((double) k / n);
        double sum = 0;
        for (int i = 0; i < problem.k.length; i++) {
            sum += problem.k[i] * Math.log(p) + (problem.n[i] - problem.k[i]) * Math.log1p(-p);
        }
        return sum;
    }

    /** Why these data cannot carry a fit, or null when they can. */
    static String whyNot(BinomialCounts tested, FitOptions options) {
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
