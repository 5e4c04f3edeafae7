package org.tandem.analysis.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.layers.LayerSweep;
import org.tandem.analysis.layers.LayerSweep.LayerPoint;
import org.tandem.analysis.layers.LayerSweep.NetworkCurve;
import org.tandem.analysis.report.plot.CurvePlot;
import org.tandem.analysis.report.plot.Palette;

/**
 * The layer-by-layer figure: held-out readout accuracy against relative depth, one solid curve per trained network with
 * its 95 % interval, each untrained twin dashed in its network's colour, chance as a grey line.
 */
final class LayerPlot {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;

    private LayerPlot() {
    }

    static String svg(LayerSweep sweep) {
        List<String> trained = new ArrayList<>();
        for (NetworkCurve curve : sweep.networks()) {
            if (curve.twinOf() == null || sweep.networks().stream().noneMatch(c -> c.network().equals(curve.twinOf()))) {
                trained.add(curve.network());
            }
        }
        CurvePlot plot = new CurvePlot("relative depth (0 = first layer read, 1 = last)", "held-out accuracy", 0, 1);
        plot.dashedLine(new double[] {0, 1}, new double[] {sweep.chance(), sweep.chance()}, Color.GRAY, 1.5f, 0.9,
                String.format(java.util.Locale.ROOT, "chance (%.3f)", sweep.chance()));
        for (NetworkCurve curve : sweep.networks()) {
            boolean twin = !trained.contains(curve.network());
            Color colour = Palette.network(trained.indexOf(twin ? curve.twinOf() : curve.network()));
            List<LayerPoint> defined = curve.points().stream().filter(p -> p.accuracy().accuracy() != null).toList();
            double[] x = defined.stream().mapToDouble(LayerPoint::relativeDepth).toArray();
            double[] y = defined.stream().mapToDouble(p -> p.accuracy().accuracy()).toArray();
            double[] lo = defined.stream().mapToDouble(p -> p.accuracy().ciLow()).toArray();
            double[] hi = defined.stream().mapToDouble(p -> p.accuracy().ciHigh()).toArray();
            String label = curve.network() + (curve.trainedFor().isEmpty() ? "" : " (" + curve.trainedFor() + ")");
            if (twin) {
                plot.dashedLine(x, y, colour, 2f, 0.9, label);
                plot.points(x, y, null, null, colour, 5, 0.8, null);
            } else {
                plot.line(x, y, colour, 2.5f, 1, label);
                plot.points(x, y, lo, hi, colour, 6, 1, null);
            }
        }
        return plot.svg(capitalised(sweep.task()) + " readout, layer by layer (" + sweep.set() + ")", WIDTH, HEIGHT);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
