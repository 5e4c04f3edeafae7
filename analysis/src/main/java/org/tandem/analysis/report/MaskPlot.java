package org.tandem.analysis.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tandem.analysis.report.MaskSection.PseValue;
import org.tandem.analysis.report.MaskSection.Shift;
import org.tandem.analysis.report.plot.CurvePlot;
import org.tandem.analysis.report.plot.Palette;

/**
 * PSE by mask: one line per observer across the unmasked baseline and each masked condition, its 95 % intervals as
 * error bars; people faint grey, each network in its report colour. Undefined PSEs are left out of the line.
 */
final class MaskPlot {
    private static final Color PARTICIPANT = new Color(0x88, 0x88, 0x88);
    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;
    /** PSEs are drawn within the tested range widened by a quarter: beyond it they are undefined anyway. */
    private static final double LOW = -25;
    private static final double HIGH = 125;

    private MaskPlot() {
    }

    static String svg(MaskSection section, Function<String, Color> networkColour) {
        List<String> categories = new ArrayList<>(List.of("unmasked"));
        categories.addAll(section.conditions());
        Map<String, double[][]> byObserver = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Shift s : section.shifts()) {
            // people's mean is one line across the conditions, whatever number of people each has
            String key = s.observer().startsWith(ReportText.HUMAN_MEAN) ? ReportText.HUMAN_MEAN : s.observer();
            double[][] points = byObserver.computeIfAbsent(key, o -> empty(categories.size()));
            kinds.put(key, s.kind());
            put(points, 0, s.baselinePse());
            put(points, categories.indexOf(s.condition()), s.pse());
        }
        CurvePlot plot = new CurvePlot("", "PSE (% of the continuum's far end)", LOW, HIGH).categories(categories);
        boolean personShown = false;
        for (Map.Entry<String, double[][]> e : byObserver.entrySet()) {
            if (e.getKey().equals(ReportText.HUMAN_MEAN)) {
                double[][] p = defined(e.getValue());
                plot.line(p[0], p[1], Palette.HUMAN, 3f, 1, "people (mean)");
                plot.points(p[0], p[1], p[1], p[1], Palette.HUMAN, 8, 1, null);
                continue;
            }
            boolean human = kinds.get(e.getKey()).equals(ReportText.HUMAN);
            Color colour = human ? PARTICIPANT : networkColour.apply(e.getKey());
            String label = human ? (personShown ? null : "people, one line each") : e.getKey();
            personShown |= human;
            double[][] p = defined(e.getValue());
            plot.line(p[0], p[1], colour, human ? 1f : 2.5f, human ? 0.5 : 1, label);
            plot.points(p[0], p[1], p[2], p[3], colour, human ? 4 : 7, human ? 0.6 : 1, null);
        }
        return plot.svg("PSE by mask, per observer (95 % intervals)", WIDTH, HEIGHT);
    }

    private static double[][] empty(int n) {
        double[][] points = new double[3][n];
        for (double[] row : points) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return points;
    }

    private static void put(double[][] points, int at, PseValue v) {
        if (v.value() != null) {
            points[0][at] = clip(v.value());
            points[1][at] = clip(v.ciLow() == null ? v.value() : v.ciLow());
            points[2][at] = clip(v.ciHigh() == null ? v.value() : v.ciHigh());
        }
    }

    /** x, y, lower and upper of the defined points. */
    private static double[][] defined(double[][] points) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points[0].length; i++) {
            if (!Double.isNaN(points[0][i])) {
                kept.add(new double[] {i, points[0][i], points[1][i], points[2][i]});
            }
        }
        double[][] out = new double[4][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            for (int c = 0; c < 4; c++) {
                out[c][i] = kept.get(i)[c];
            }
        }
        return out;
    }

    private static double clip(double v) {
        return Math.max(LOW, Math.min(HIGH, v));
    }
}
