package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tandem.analysis.psychometric.Asymptote;
import org.tandem.analysis.psychometric.Estimate;
import org.tandem.analysis.psychometric.FitOptions;
import org.tandem.analysis.psychometric.PsychometricFit;
import org.tandem.analysis.records.LevelCount;
import org.tandem.analysis.report.AbxSection.AbxObserver;
import org.tandem.analysis.report.ClassificationSection.ClassificationObserver;
import org.tandem.analysis.report.ClassificationSection.ConsistencyComparison;
import org.tandem.analysis.report.ClassificationSection.PatternComparison;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;
import org.tandem.analysis.report.IdentificationSection.MeanPoint;

/**
 * Finds the statistics of a section that must not be read as plain numbers (see {@link Flag}). The thresholds: a
 * goodness-of-fit p below {@link #POOR_FIT_P}, a free guess or lapse rate within {@link #BOUND_TOLERANCE} of its
 * bound, a PSE outside the lowest to highest tested level, every trial (or every pair's trials) right or wrong.
 */
final class ReportFlags {
    static final double POOR_FIT_P = 0.05;
    static final double BOUND_TOLERANCE = 1e-4;

    private ReportFlags() {
    }

    /** @param options the options the section's curves were fitted with (their guess and lapse bounds) */
    static List<Flag> identification(IdentificationSection s, FitOptions options) {
        List<Flag> flags = new ArrayList<>();
        if (s.humanMean() != null) {
            double[] levels = s.humanMean().points().stream().mapToDouble(MeanPoint::level).toArray();
            fit(flags, ReportText.HUMAN_POOLED, s.humanMean().pooledFit(), options, levels);
        }
        for (IdentificationObserver o : s.observers()) {
            fit(flags, o.name(), o.fit(), options, o.counts().stream().mapToDouble(LevelCount::level).toArray());
        }
        if (s.pseComparison() != null) {
            s.pseComparison().tests().stream().filter(t -> t.undefinedReason() != null).forEach(t -> flags.add(
                    new Flag(t.network(), Flag.PSE_TEST, Flag.Kind.UNDEFINED, t.undefinedReason())));
        }
        return flags;
    }

    private static void fit(List<Flag> flags, String observer, PsychometricFit fit, FitOptions options,
                            double[] levels) {
        if (!fit.fitted()) {
            flags.add(new Flag(observer, Flag.FIT, Flag.Kind.UNDEFINED, fit.reason()));
            return;
        }
        if (fit.goodnessOfFitP() != null && fit.goodnessOfFitP() < POOR_FIT_P) {
            flags.add(new Flag(observer, Flag.FIT, Flag.Kind.POOR_FIT, "deviance " + ReportText.number(fit.deviance())
                    + " on " + fit.devianceDf() + " df, bootstrap p = " + ReportText.p(fit.goodnessOfFitP())
                    + " < " + POOR_FIT_P + ": the fitted curve does not describe these counts, so its PSE, JND and"
                    + " slope describe the curve, not the observer"));
        }
        degenerate(flags, observer, Flag.PSE, fit.pse());
        degenerate(flags, observer, Flag.JND, fit.jnd());
        degenerate(flags, observer, Flag.SLOPE, fit.slope());
        atBound(flags, observer, Flag.LAPSE, fit.lapse(), options.lapse());
        atBound(flags, observer, Flag.GUESS, fit.guess(), options.guess());
        Estimate pse = fit.pse();
        if (!pse.defined()) {
            flags.add(new Flag(observer, Flag.PSE, Flag.Kind.UNDEFINED, pse.reason()));
        } else if (levels.length > 0) {
            double lo = java.util.Arrays.stream(levels).min().orElseThrow();
            double hi = java.util.Arrays.stream(levels).max().orElseThrow();
            if (pse.value() < lo || pse.value() > hi) {
                flags.add(new Flag(observer, Flag.PSE, Flag.Kind.OUTSIDE_RANGE, "PSE " + ReportText.number(pse.value())
                        + " lies outside the tested levels " + ReportText.level(lo) + "–" + ReportText.level(hi)
                        + ": the curve never crosses 50 % there, so the value is an extrapolation"));
            }
        }
    }

    private static void degenerate(List<Flag> flags, String observer, String name, Estimate e) {
        if (e.defined() && e.ci() != null && e.ci().lower() != null && e.ci().lower().equals(e.ci().upper())) {
            flags.add(new Flag(observer, name, Flag.Kind.DEGENERATE, "the bootstrap interval ["
                    + ReportText.number(e.ci().lower()) + ", " + ReportText.number(e.ci().upper()) + "] has no width:"
                    + " every resample gave the same value (typically a step between two tested levels), so it does not"
                    + " measure the uncertainty; test levels closer together or more trials"));
        }
    }

    private static void atBound(List<Flag> flags, String observer, String name, Estimate e, Asymptote bound) {
        if (bound.free() && e.defined() && e.value() >= bound.max() - BOUND_TOLERANCE) {
            flags.add(new Flag(observer, name, Flag.Kind.AT_BOUND, name + " = " + ReportText.number(e.value())
                    + " sits on the upper bound " + bound.max() + " the fit allows: the asymptote is held by the bound,"
                    + " not by the data, and the JND and slope depend on it"));
        }
    }

    /** Error cells (off the diagonal, not empty) an observer needs for τ between error patterns to be read as one. */
    static final int MIN_ERROR_CELLS = 3;

    /** The observer's non-empty off-diagonal cells; the most there can be when the observer is not listed. */
    private static int errorCells(ClassificationSection s, String observer) {
        return s.observers().stream().filter(o -> o.name().equals(observer)).findFirst().map(o -> {
            int cells = 0;
            for (int r = 0; r < o.counts().size(); r++) {
                for (int k = 0; k < o.counts().get(r).size(); k++) {
                    cells += r != k && o.counts().get(r).get(k) > 0 ? 1 : 0;
                }
            }
            return cells;
        }).orElse(Integer.MAX_VALUE);
    }

    static List<Flag> classification(ClassificationSection s) {
        List<Flag> flags = new ArrayList<>();
        for (ClassificationObserver o : s.observers()) {
            if (o.accuracy().accuracy() == null) {
                flags.add(new Flag(o.name(), Flag.ACCURACY, Flag.Kind.UNDEFINED, o.accuracy().undefinedReason()));
            } else {
                extreme(flags, o.name(), Flag.ACCURACY, o.accuracy().correct(), o.accuracy().n(),
                        "the bootstrap interval is [" + ReportText.number(o.accuracy().ciLow()) + ", "
                                + ReportText.number(o.accuracy().ciHigh()) + "]; the observer may be far better or"
                                + " worse than the task can show, and error patterns with it are undefined");
            }
        }
        for (PatternComparison c : s.errorPatterns()) {
            if (c.kendall().undefinedReason() != null) {
                flags.add(new Flag(c.first(), "τ with " + c.second(), Flag.Kind.UNDEFINED, c.kendall().undefinedReason()));
                continue;
            }
            int fewest = Math.min(errorCells(s, c.first()), errorCells(s, c.second()));
            if (fewest < MIN_ERROR_CELLS) {
                flags.add(new Flag(c.first(), "τ with " + c.second(), Flag.Kind.TOO_FEW, "one of the two makes its"
                        + " errors in " + fewest + " confusion cell" + (fewest == 1 ? "" : "s") + " only: τ says whether"
                        + " both make those confusions, not whether their patterns agree across the expressions (the"
                        + " other cells tie at zero)"));
            }
        }
        for (ConsistencyComparison c : s.errorConsistency()) {
            if (c.consistency().undefinedReason() != null) {
                flags.add(new Flag(c.first(), "κ with " + c.second(), Flag.Kind.UNDEFINED,
                        c.consistency().undefinedReason()));
            }
        }
        return flags;
    }

    static List<Flag> abx(AbxSection s) {
        List<Flag> flags = new ArrayList<>();
        for (AbxObserver o : s.observers()) {
            List<PairInterval> all = o.intervals().stream().filter(p -> p.correct() == p.total()).toList();
            List<PairInterval> none = o.intervals().stream().filter(p -> p.correct() == 0).toList();
            if (!all.isEmpty()) {
                flags.add(new Flag(o.name(), Flag.PAIRS, Flag.Kind.CEILING, "every trial right on " + pairs(all)
                        + ": accuracy 1, so the pair cannot show a discrimination peak; the Wilson interval still"
                        + " gives a lower bound"));
            }
            if (o.categoricalPerception() != null && o.categoricalPerception().correlation().undefinedReason() != null) {
                flags.add(new Flag(o.name(), Flag.PREDICTION, Flag.Kind.UNDEFINED,
                        o.categoricalPerception().correlation().undefinedReason()));
            }
            if (!none.isEmpty()) {
                flags.add(new Flag(o.name(), Flag.PAIRS, Flag.Kind.FLOOR, "every trial wrong on " + pairs(none)
                        + ": below chance (0.5), which ABX does not expect; check the response mapping"));
            }
        }
        return flags;
    }

    private static void extreme(List<Flag> flags, String observer, String statistic, int correct, int n, String why) {
        if (correct == n) {
            flags.add(new Flag(observer, statistic, Flag.Kind.CEILING, "every trial right (" + correct + "/" + n
                    + "); " + why));
        } else if (correct == 0) {
            flags.add(new Flag(observer, statistic, Flag.Kind.FLOOR, "every trial wrong (0/" + n + "); " + why));
        }
    }

    private static String pairs(List<PairInterval> pairs) {
        return "pair" + (pairs.size() == 1 ? " " : "s ") + pairs.stream()
                .map(p -> ReportText.level(p.low()) + "–" + ReportText.level(p.high()) + " (" + p.correct() + "/"
                        + p.total() + ")").collect(Collectors.joining(", "));
    }

}
