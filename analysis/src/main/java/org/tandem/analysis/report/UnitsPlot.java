package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.tandem.analysis.units.LayerUnits;
import org.tandem.analysis.units.UnitsStudy;

/** The share of selective units of one kind, layer by layer, for each network and its controls. */
final class UnitsPlot {

    private UnitsPlot() {
    }

    static String svg(UnitsStudy study, String kind, ToDoubleFunction<LayerUnits> share) {
        Map<String, List<LayerUnits>> byNetwork = new LinkedHashMap<>();
        study.layers().forEach(l -> byNetwork.computeIfAbsent(l.network(), k -> new ArrayList<>()).add(l));
        List<DepthPlot.Series> series = new ArrayList<>();
        byNetwork.forEach((network, layers) -> series.add(new DepthPlot.Series(network, layers.get(0).trainedFor(),
                layers.get(0).controlOf(), layers.stream().mapToDouble(share).toArray())));
        double top = Math.max(0.05, study.layers().stream().mapToDouble(share).max().orElse(1) * 1.1);
        return DepthPlot.svg(Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
                + "-selective units, layer by layer", "share of " + kind + "-selective units", 0, Math.min(1, top),
                series, null);
    }
}
