package org.tandem.analysis.report;

import java.awt.Color;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.tandem.analysis.identification.CurveShapes;
import org.tandem.analysis.identification.IdentificationPoint;
import org.tandem.analysis.identification.ShapeFit;
import org.tandem.analysis.records.LevelCount;
import org.tandem.analysis.records.PairAccuracy;
import org.tandem.analysis.report.AbxSection.AbxObserver;
import org.tandem.analysis.report.ClassificationSection.Matrix;
import org.tandem.analysis.report.IdentificationSection.HumanMean;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;
import org.tandem.analysis.report.IdentificationSection.MeanPoint;
import org.tandem.analysis.report.plot.CurvePlot;
import org.tandem.analysis.report.plot.HeatMap;
import org.tandem.analysis.report.plot.Palette;

/**
 * The report's plots as inline SVG. People are grey (each participant faint, their mean bold black); each network has
 * its own colour, the same in every plot of the report.
 */
final class ReportPlots {
    private static final Color PARTICIPANT = new Color(0x88, 0x88, 0x88);
    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;

    private final List<String> networks;

    /** @param networks every network name in the report, in order: fixes each one's colour */
    ReportPlots(List<String> networks) {
        this.networks = List.copyOf(networks);
    }

    Color colour(String network) {
        return Palette.network(networks.indexOf(network));
    }

    /** An observer's name for HTML, with its plot colour for networks. */
    String nameHtml(String observer, String kind) {
        if (!kind.equals(ReportText.NETWORK)) {
            return ReportText.html(observer);
        }
        return "<span class=\"swatch\" style=\"background:" + Palette.css(colour(observer)) + "\"></span>"
                + ReportText.html(observer);
    }

    String identification(IdentificationSection s) {
        CurvePlot plot = new CurvePlot(s.factor() + " (% " + s.continuumTo() + ")", "P(\"" + s.countedLabel() + "\")", 0, 1);
        for (IdentificationObserver o : s.observers()) {
            if (o.kind().equals(ReportText.HUMAN)) {
                plot.line(o.curve().x(), o.curve().psi(), PARTICIPANT, 1f, 0.45, null);
                plot.points(levels(o.counts()), proportions(o.counts()), null, null, PARTICIPANT, 4, 0.5, null);
            }
        }
        HumanMean mean = s.humanMean();
        if (mean != null) {
            double[] x = mean.points().stream().mapToDouble(MeanPoint::level).toArray();
            double[] y = mean.points().stream().mapToDouble(MeanPoint::mean).toArray();
            double[] lo = mean.points().stream().mapToDouble(p -> p.ciLow() == null ? p.mean() : p.ciLow()).toArray();
            double[] hi = mean.points().stream().mapToDouble(p -> p.ciHigh() == null ? p.mean() : p.ciHigh()).toArray();
            plot.line(mean.curve().x(), mean.curve().psi(), Palette.HUMAN, 3f, 1, "people: fit of pooled counts");
            plot.points(x, y, lo, hi, Palette.HUMAN, 8, 1, "people: mean ± 95 % CI (" + mean.participants()
                    + (mean.participants() == 1 ? " participant)" : " participants)"));
        }
        for (IdentificationObserver o : s.observers()) {
            if (!o.kind().equals(ReportText.HUMAN) && o.curve().x().length > 0) {
                Color c = colour(o.name());
                if (!Double.isNaN(o.curve().lower()[0])) {
                    plot.band(o.curve().x(), o.curve().lower(), o.curve().upper(), c, 0.22);
                }
                plot.line(o.curve().x(), o.curve().psi(), c, 2.5f, 1, o.name());
                plot.points(levels(o.counts()), proportions(o.counts()), null, null, c, 5, 0.9, null);
            }
        }
        plot.marker(50, Color.GRAY);
        return plot.svg("Identification: P(\"" + s.countedLabel() + "\") along " + s.continuumFrom() + " → "
                + s.continuumTo(), WIDTH, HEIGHT);
    }

    String shapes(String whose, List<IdentificationPoint> points, CurveShapes shapes) {
        CurvePlot plot = new CurvePlot("level", "proportion", 0, 1);
        double[] x = points.stream().mapToDouble(IdentificationPoint::level).toArray();
        double[] grid = CurvePlot.grid(x[0], x[x.length - 1], 101);
        for (ShapeFit fit : shapes.fits()) {
            if (fit.rSquared() != null) {
                double[] y = new double[grid.length];
                for (int i = 0; i < grid.length; i++) {
                    y[i] = fit.valueAt(grid[i]);
                }
                plot.line(grid, y, Palette.network(fit.shape().ordinal() + 3), 2f, 1,
                        fit.shape().name().toLowerCase(java.util.Locale.ROOT) + " (R² " + ReportText.number(fit.rSquared()) + ")");
            }
        }
        plot.points(x, points.stream().mapToDouble(IdentificationPoint::proportion).toArray(), null, null,
                Palette.HUMAN, 7, 1, "observed");
        return plot.svg("Curve shapes: " + whose, 420, 320);
    }

    String heatMap(String title, List<String> labels, Matrix m) {
        double[][] values = new double[labels.size()][labels.size()];
        for (int r = 0; r < labels.size(); r++) {
            for (int c = 0; c < labels.size(); c++) {
                Double v = m.values().get(r).get(c);
                values[r][c] = v == null ? Double.NaN : v;
            }
        }
        return HeatMap.svg(title, labels, values);
    }

    /**
     * Observed ABX accuracy per pair at the pair's midpoint: each participant faint, people's mean bold black, each
     * network in its colour with 95 % Wilson bars; dashed lines are the accuracy predicted from identification (people:
     * their mean).
     */
    String abx(AbxSection s) {
        CurvePlot plot = new CurvePlot("pair midpoint (% " + s.continuumTo() + ")", "proportion correct", 0, 1);
        TreeMap<Double, SummaryStatistics> observed = new TreeMap<>();
        TreeMap<Double, SummaryStatistics> predicted = new TreeMap<>();
        boolean firstPerson = true;
        for (AbxObserver o : s.observers()) {
            if (o.kind().equals(ReportText.HUMAN)) {
                plot.line(midpoints(o.pairs()), accuracies(o.pairs()), PARTICIPANT, 1f, 0.5,
                        firstPerson ? "each participant" : null);
                firstPerson = false;
                o.pairs().forEach(p -> observed.computeIfAbsent(mid(p), k -> new SummaryStatistics()).addValue(p.accuracy()));
                if (o.categoricalPerception() != null) {
                    o.categoricalPerception().pairs().stream().filter(p -> p.predicted() != null).forEach(p -> predicted
                            .computeIfAbsent((p.low() + p.high()) / 2, k -> new SummaryStatistics()).addValue(p.predicted()));
                }
            }
        }
        if (!observed.isEmpty()) {
            double[] x = observed.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = observed.values().stream().mapToDouble(SummaryStatistics::getMean).toArray();
            plot.line(x, y, Palette.HUMAN, 3f, 1, "people: mean");
            plot.points(x, y, null, null, Palette.HUMAN, 7, 1, null);
        }
        if (!predicted.isEmpty()) {
            plot.dashedLine(predicted.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    predicted.values().stream().mapToDouble(SummaryStatistics::getMean).toArray(), Palette.HUMAN, 1.5f,
                    0.8, "people: predicted from identification");
        }
        for (AbxObserver o : s.observers()) {
            if (!o.kind().equals(ReportText.HUMAN)) {
                Color c = colour(o.name());
                plot.line(midpoints(o.pairs()), accuracies(o.pairs()), c, 2.5f, 1, o.name());
                plot.points(midpoints(o.pairs()), accuracies(o.pairs()),
                        o.intervals().stream().mapToDouble(PairInterval::ciLow).toArray(),
                        o.intervals().stream().mapToDouble(PairInterval::ciHigh).toArray(), c, 6, 1, null);
                if (o.categoricalPerception() != null) {
                    double[] pred = o.categoricalPerception().pairs().stream()
                            .mapToDouble(p -> p.predicted() == null ? Double.NaN : p.predicted()).toArray();
                    double[] x = o.categoricalPerception().pairs().stream()
                            .mapToDouble(p -> (p.low() + p.high()) / 2).toArray();
                    plot.dashedLine(x, pred, c, 1.5f, 0.9, o.name() + ": predicted");
                    if (o.categoricalPerception().boundary() != null) {
                        plot.marker(o.categoricalPerception().boundary(), c);
                    }
                }
            }
        }
        double[] all = s.observers().stream().flatMap(o -> o.pairs().stream()).mapToDouble(ReportPlots::mid).toArray();
        if (all.length > 1) {
            double lo = java.util.Arrays.stream(all).min().orElseThrow();
            double hi = java.util.Arrays.stream(all).max().orElseThrow();
            plot.line(new double[] {lo, hi}, new double[] {0.5, 0.5}, Color.LIGHT_GRAY, 1f, 1, "chance");
        }
        return plot.svg("ABX discrimination along " + s.continuumFrom() + " → " + s.continuumTo(), WIDTH, HEIGHT);
    }

    private static double mid(PairAccuracy p) {
        return (p.low() + p.high()) / 2;
    }

    private static double[] midpoints(List<PairAccuracy> pairs) {
        return pairs.stream().mapToDouble(ReportPlots::mid).toArray();
    }

    private static double[] accuracies(List<PairAccuracy> pairs) {
        return pairs.stream().mapToDouble(PairAccuracy::accuracy).toArray();
    }

    private static double[] levels(List<LevelCount> counts) {
        return counts.stream().mapToDouble(LevelCount::level).toArray();
    }

    private static double[] proportions(List<LevelCount> counts) {
        return counts.stream().mapToDouble(LevelCount::proportion).toArray();
    }
}
