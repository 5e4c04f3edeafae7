package org.tandem.analysis.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.tandem.analysis.report.plot.CurvePlot;
import org.tandem.analysis.report.plot.Palette;
import org.tandem.analysis.units.LayerUnits;
import org.tandem.analysis.units.UnitsStudy;

/**
 * The share of selective units layer by layer: one solid line per trained network, its controls (untrained twin,
 * shuffled copy) dashed in its colour. x is the layer's place among the network's layers (0 the first, 1 the last).
 */
final class UnitsPlot {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 380;

    private UnitsPlot() {
    }

    static String svg(UnitsStudy study, String kind, ToDoubleFunction<LayerUnits> share) {
        Map<String, List<LayerUnits>> byNetwork = new LinkedHashMap<>();
        study.layers().forEach(l -> byNetwork.computeIfAbsent(l.network(), k -> new ArrayList<>()).add(l));
        List<String> trained = byNetwork.keySet().stream()
                .filter(n -> byNetwork.get(n).get(0).controlOf() == null
                        || !byNetwork.containsKey(byNetwork.get(n).get(0).controlOf())).toList();
        double top = Math.max(0.05, study.layers().stream().mapToDouble(share).max().orElse(1) * 1.1);
        CurvePlot plot = new CurvePlot("relative depth (0 = first layer tested, 1 = last)",
                "share of " + kind + "-selective units", 0, Math.min(1, top));
        byNetwork.forEach((network, layers) -> {
            LayerUnits first = layers.get(0);
            boolean control = !trained.contains(network);
            Color colour = Palette.network(trained.indexOf(control ? first.controlOf() : network));
            double[] x = new double[layers.size()];
            double[] y = new double[layers.size()];
            for (int i = 0; i < layers.size(); i++) {
                x[i] = layers.size() == 1 ? 0 : (double) i / (layers.size() - 1);
                y[i] = share.applyAsDouble(layers.get(i));
            }
            String label = network + (first.trainedFor().isEmpty() ? "" : " (" + first.trainedFor() + ")");
            if (control) {
                plot.dashedLine(x, y, colour, 2f, 0.9, label);
                plot.points(x, y, null, null, colour, 5, 0.8, null);
            } else {
                plot.line(x, y, colour, 2.5f, 1, label);
                plot.points(x, y, null, null, colour, 6, 1, null);
            }
        });
        return plot.svg(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "-selective units, layer by layer",
                WIDTH, HEIGHT);
    }
}
