package org.tandem.analysis.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.report.plot.CurvePlot;
import org.tandem.analysis.report.plot.Palette;

/**
 * A measure layer by layer: one solid line per trained network, its controls (untrained twin, shuffled copy) dashed in
 * its colour, x the layer's place among the network's layers (0 the first read, 1 the last), and optionally a grey
 * band (e.g. a noise ceiling).
 */
final class DepthPlot {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 380;

    /**
     * One network's values, layer by layer in forward order (NaN where undefined).
     *
     * @param controlOf the trained network this one is a control of, or null
     */
    record Series(String network, String trainedFor, String controlOf, double[] y) {
    }

    /** A horizontal band from {@code low} to {@code high}. */
    record Band(double low, double high, String label) {
    }

    private DepthPlot() {
    }

    static String svg(String title, String yLabel, double yMin, double yMax, List<Series> series, Band band) {
        List<String> trained = new ArrayList<>();
        for (Series s : series) {
            if (s.controlOf() == null || series.stream().noneMatch(o -> o.network().equals(s.controlOf()))) {
                trained.add(s.network());
            }
        }
        CurvePlot plot = new CurvePlot("relative depth (0 = first layer read, 1 = last)", yLabel, yMin, yMax);
        if (band != null) {
            plot.band(new double[] {0, 1}, new double[] {band.low(), band.low()},
                    new double[] {band.high(), band.high()}, Color.GRAY, 0.25);
            plot.dashedLine(new double[] {0, 1}, new double[] {band.low(), band.low()}, Color.GRAY, 1f, 0.8,
                    band.label());
        }
        for (Series s : series) {
            boolean control = !trained.contains(s.network());
            Color colour = Palette.network(trained.indexOf(control ? s.controlOf() : s.network()));
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < s.y().length; i++) {
                if (!Double.isNaN(s.y()[i])) {
                    points.add(new double[] {s.y().length == 1 ? 0 : (double) i / (s.y().length - 1), s.y()[i]});
                }
            }
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            String label = s.network() + (s.trainedFor().isEmpty() ? "" : " (" + s.trainedFor() + ")");
            if (control) {
                plot.dashedLine(x, y, colour, 2f, 0.9, label);
                plot.points(x, y, null, null, colour, 5, 0.8, null);
            } else {
                plot.line(x, y, colour, 2.5f, 1, label);
                plot.points(x, y, null, null, colour, 6, 1, null);
            }
        }
        return plot.svg(title, WIDTH, HEIGHT);
    }
}
