package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.tandem.analysis.compare.PseComparison;
import org.tandem.analysis.identification.CurveShapes;
import org.tandem.analysis.identification.IdentificationPoint;
import org.tandem.analysis.psychometric.BinomialCounts;
import org.tandem.analysis.psychometric.FitOptions;
import org.tandem.analysis.psychometric.FittedCurve;
import org.tandem.analysis.psychometric.PsychometricFit;
import org.tandem.analysis.psychometric.PsychometricFitter;
import org.tandem.analysis.records.LevelCount;
import org.tandem.analysis.records.TrialData;
import org.tandem.analysis.report.IdentificationSection.HumanMean;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;
import org.tandem.analysis.report.IdentificationSection.MeanPoint;
import org.tandem.analysis.report.plot.CurvePlot;
import org.tandem.analysis.psychometric.Direction;
import org.tandem.analysis.psychometric.Sigmoid;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;

/**
 * The identification section of a two-AFC task. Each observer answers "which end is this?", so the proportion of the
 * first label is a yes/no curve: fitted with guess and lapse rates free (docs/ANALYSIS.md), not as 2AFC correctness.
 */
final class IdentificationAnalysis {
    static final double ALPHA = 0.05;
    /** The fit of every identification curve, before the report's bootstrap and seed. */
    static final FitOptions OPTIONS = FitOptions.yesNo();
    private static final int CURVE_POINTS = 101;

    private IdentificationAnalysis() {
    }

    /** @param analysis the protocol's own choices of sigmoid and direction, or null */
    static IdentificationSection analyse(Task.TwoAfc task, Protocol.Analysis analysis, List<ObserverGroup> groups,
                                         long seed, int bootstrap) {
        FitOptions options = options(task, analysis).withBootstrap(bootstrap, seed);
        Map<String, List<LevelCount>> counts = new LinkedHashMap<>();
        groups.forEach(g -> counts.put(g.name(), TrialData.levelCounts(g.records(), task)));
        double[] grid = grid(counts.values());
        List<IdentificationObserver> observers = new ArrayList<>();
        for (ObserverGroup g : groups) {
            List<LevelCount> c = counts.get(g.name());
            FittedCurve curve = PsychometricFitter.fitCurve(binomial(c), options, grid);
            observers.add(new IdentificationObserver(g.name(), ReportText.kind(g.kind()), g.sessions(), c, curve.fit(),
                    Curve.of(curve), CurveShapes.fit(IdentificationPoint.of(c))));
        }
        List<IdentificationObserver> humans = observers.stream().filter(o -> o.kind().equals(ReportText.HUMAN)).toList();
        HumanMean mean = humans.isEmpty() ? null : humanMean(humans, options, grid);
        PseComparison pse = null;
        String note;
        if (humans.size() >= 2) {
            pse = PseComparison.test(humanPses(observers), networkPses(observers), ALPHA);
            note = null;
        } else {
            note = "Comparing network PSEs with people's needs two or more human participants (this report has "
                    + humans.size() + "); add sessions with: tandem run PROTOCOL --participant CODE";
        }
        String shapesShown = mean != null ? "humans (mean)" : observers.isEmpty() ? null : observers.get(0).name();
        return new IdentificationSection(task.labels().get(0).label(), task.continuum().from(), task.continuum().to(),
                task.continuum().factor(), observers, mean, pse, note, shapesShown);
    }

    /**
     * The fit of the protocol's curves: its sigmoid (cumulative normal unless it names another) and its direction: the
     * one it names, else the one its counted label implies (the label of the continuum's {@code to} end rises along
     * it, the {@code from} end's falls), else decided from each observer's data.
     */
    static FitOptions options(Task.TwoAfc task, Protocol.Analysis analysis) {
        FitOptions options = OPTIONS;
        if (analysis != null && analysis.sigmoid() != null) {
            options = options.withSigmoid(Sigmoid.parse(analysis.sigmoid()));
        }
        String end = task.labels().get(0).end();
        Direction direction = analysis != null && analysis.direction() != null ? Direction.parse(analysis.direction())
                : "to".equals(end) ? Direction.INCREASING : "from".equals(end) ? Direction.DECREASING : Direction.AUTO;
        return options.withDirection(direction);
    }

    private static HumanMean humanMean(List<IdentificationObserver> humans, FitOptions options, double[] grid) {
        TreeMap<Double, SummaryStatistics> byLevel = new TreeMap<>();
        TreeMap<Double, int[]> pooled = new TreeMap<>();
        for (IdentificationObserver h : humans) {
            for (LevelCount c : h.counts()) {
                byLevel.computeIfAbsent(c.level(), l -> new SummaryStatistics()).addValue(c.proportion());
                int[] kn = pooled.computeIfAbsent(c.level(), l -> new int[2]);
                kn[0] += c.k();
                kn[1] += c.n();
            }
        }
        List<MeanPoint> points = new ArrayList<>();
        byLevel.forEach((level, s) -> points.add(meanPoint(level, s)));
        List<LevelCount> pooledCounts = new ArrayList<>();
        pooled.forEach((level, kn) -> pooledCounts.add(new LevelCount(level, kn[0], kn[1])));
        FittedCurve curve = PsychometricFitter.fitCurve(binomial(pooledCounts), options, grid);
        List<IdentificationPoint> meanProportions = points.stream()
                .map(p -> new IdentificationPoint(p.level(), p.mean())).toList();
        return new HumanMean(humans.size(), points, curve.fit(), Curve.of(curve), CurveShapes.fit(meanProportions));
    }

    private static MeanPoint meanPoint(double level, SummaryStatistics s) {
        int n = (int) s.getN();
        if (n < 2) {
            return new MeanPoint(level, s.getMean(), null, null, n);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * s.getStandardDeviation()
                / Math.sqrt(n);
        return new MeanPoint(level, s.getMean(), s.getMean() - half, s.getMean() + half, n);
    }

    /** Each person's PSE, NaN where their curve has none. */
    static double[] humanPses(List<IdentificationObserver> observers) {
        return observers.stream().filter(o -> o.kind().equals(ReportText.HUMAN)).mapToDouble(o -> pseOf(o.fit()))
                .toArray();
    }

    /** Each network's PSE by name, null where its curve has none. */
    static Map<String, Double> networkPses(List<IdentificationObserver> observers) {
        Map<String, Double> out = new LinkedHashMap<>();
        observers.stream().filter(o -> !o.kind().equals(ReportText.HUMAN)).forEach(o -> {
            double pse = pseOf(o.fit());
            out.put(o.name(), Double.isNaN(pse) ? null : pse);
        });
        return out;
    }

    private static double pseOf(PsychometricFit fit) {
        return fit.fitted() && fit.pse().defined() ? fit.pse().value() : Double.NaN;
    }

    static BinomialCounts binomial(List<LevelCount> counts) {
        return BinomialCounts.of(counts.stream().mapToDouble(LevelCount::level).toArray(),
                counts.stream().mapToInt(LevelCount::k).toArray(), counts.stream().mapToInt(LevelCount::n).toArray());
    }

    /** Evenly spaced levels over every observer's tested range, for smooth curves. */
    private static double[] grid(Iterable<List<LevelCount>> all) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<LevelCount> counts : all) {
            for (LevelCount c : counts) {
                lo = Math.min(lo, c.level());
                hi = Math.max(hi, c.level());
            }
        }
        if (!(lo < hi)) {
            return new double[0];
        }
        return CurvePlot.grid(lo, hi, CURVE_POINTS);
    }
}
