package org.tandem.analysis.report;

import static org.tandem.analysis.report.ReportText.html;
import static org.tandem.analysis.report.ReportText.interval;
import static org.tandem.analysis.report.ReportText.number;
import static org.tandem.analysis.report.ReportText.p;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tandem.analysis.report.plot.TuningMapPlot;
import org.tandem.analysis.units.LayerUnits;
import org.tandem.analysis.units.TuningMap;
import org.tandem.analysis.units.UnitsStudy;

/** The report's section on selective units (tandem units): shares by layer, tuning maps, identity units, decoding. */
final class UnitsSection {
    static final String ANCHOR = "units";

    private UnitsSection() {
    }

    static String render(List<UnitsStudy> studies) {
        StringBuilder out = new StringBuilder();
        out.append("<h2 id=\"" + ANCHOR + "\">Selective units inside the networks</h2>\n<p class=\"how\">How to read"
                + " this: every unit of each layer (a channel at one position, or a channel's mean) was shown one image"
                + " of every identity with every expression. A two-way ANOVA without replication per unit (Zhou et"
                + " al.) calls a unit expression-selective when its expression effect is significant and its identity"
                + " effect is not, identity-selective by the mirror rule. The untrained twin (random weights) and the"
                + " shuffled copy (each layer's trained weights permuted) show what the architecture and the weight"
                + " statistics alone give; they are dashed in their network's colour. Definitions: docs/ANALYSIS.md.</p>\n");
        for (UnitsStudy s : studies) {
            out.append("<p class=\"meta\">").append(s.images()).append(" images of ").append(html(s.set()))
                    .append(" (").append(s.identities()).append(" identities × ")
                    .append(s.layers().isEmpty() ? 0 : s.layers().get(0).expressions().size())
                    .append(" expressions) · ").append(html(s.pooling())).append(" · α ")
                    .append(s.alphaExpression()).append(" (expression), ").append(s.alphaIdentity())
                    .append(" (identity)</p>\n<div class=\"plots\">")
                    .append(UnitsPlot.svg(s, "expression", LayerUnits::expressionShare))
                    .append(UnitsPlot.svg(s, "identity", LayerUnits::identityShare)).append("</div>\n");
            out.append(ReportText.table(List.of("network", "trained for", "layer", "units", "expression-selective",
                    "identity-selective", "both", "constant", "SI units", "MI units"), s.layers().stream()
                    .map(UnitsSection::countRow).toList()));
            decoding(s, out);
            tuningMaps(s, out);
        }
        return out.toString();
    }

    private static List<String> countRow(LayerUnits l) {
        LayerUnits.IdentityCounts id = l.identity();
        return List.of(html(l.network()), html(l.trainedFor()), html(l.layer()), Integer.toString(l.units()),
                share(l.expressionSelective(), l.units()), share(l.identitySelective(), l.units()),
                share(l.both(), l.units()), Integer.toString(l.constant()),
                id == null ? "–" : Integer.toString(id.singleIdentity()),
                id == null ? "–" : Integer.toString(id.multipleIdentity()));
    }

    private static void decoding(UnitsStudy s, StringBuilder out) {
        List<LayerUnits> decoded = s.layers().stream().filter(l -> l.decoding() != null).toList();
        if (decoded.isEmpty()) {
            return;
        }
        LayerUnits.Decoding first = decoded.get(0).decoding();
        out.append("<h3>Expression decoded from the units</h3>\n<p class=\"how\">As Zhou et al.: the units' responses"
                + " reduced by PCA (fitted on the training images only) to at most ").append(first.components())
                .append(" components, a linear SVM, one identity held out per fold; mean accuracy over folds with its"
                + " 95 % bootstrap interval (folds resampled). Chance is ").append(number(first.chance()))
                .append(". Random units are as many as the selective ones; the shuffled baseline decodes the same"
                + " units with the expression labels permuted, and the Mann–Whitney p compares its folds with the"
                + " real ones.</p>\n");
        out.append(ReportText.table(List.of("network", "layer", "selective units", "all units", "random units",
                "labels shuffled", "Mann–Whitney p", "note"), decoded.stream().map(l -> {
                    LayerUnits.Decoding d = l.decoding();
                    return List.of(html(l.network()), html(l.layer()), accuracy(d.selective()), accuracy(d.all()),
                            accuracy(d.random()), accuracy(d.shuffled()), p(d.mannWhitneyP()),
                            d.note() == null ? "" : "<span class=\"flag\">⚑</span> " + html(d.note()));
                }).toList()));
    }

    private static void tuningMaps(UnitsStudy s, StringBuilder out) {
        List<LayerUnits> mapped = s.layers().stream().filter(l -> l.controlOf() == null && l.tuningMap() != null)
                .toList();
        if (mapped.isEmpty()) {
            return;
        }
        out.append("<h3>Tuning maps</h3>\n<p class=\"how\">Each row is one expression-selective unit, each column an"
                + " expression; the colour is the unit's tuning value, its mean response to that expression minus its"
                + " mean over all images, in SD of its responses (red above, blue below). Rows are grouped by the"
                + " expression the unit prefers (Zhou et al., Fig. 1B); layers with more units than fit show evenly"
                + " spaced rows of that order.</p>\n<div class=\"plots\">");
        for (LayerUnits l : mapped) {
            TuningMap m = l.tuningMap();
            out.append(TuningMapPlot.svg(l.network() + " · " + l.layer() + " (" + m.selectiveUnits() + " units"
                    + (m.units().length < m.selectiveUnits() ? ", " + m.units().length + " shown" : "") + ")",
                    m.expressions(), m.values(), m.preferred()));
        }
        out.append("</div>\n");
        List<List<String>> rows = new ArrayList<>();
        for (LayerUnits l : mapped) {
            for (int g = 0; g < l.expressions().size(); g++) {
                if (l.tuningMap().groupSizes()[g] > 0) {
                    List<String> row = new ArrayList<>(List.of(html(l.network()), html(l.layer()),
                            html(l.expressions().get(g)), Integer.toString(l.tuningMap().groupSizes()[g])));
                    for (double v : l.tuningMap().groupMeans()[g]) {
                        row.add(number(v));
                    }
                    rows.add(row);
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("network", "layer", "preferred", "units"));
        mapped.get(0).expressions().forEach(e -> header.add("mean tuning: " + html(e)));
        out.append(ReportText.table(header, rows));
    }

    private static String accuracy(LayerUnits.Accuracy a) {
        return a == null ? "–" : number(a.mean()) + " " + interval(a.ciLow(), a.ciHigh()) + " <small>(" + a.units()
                + " units)</small>";
    }

    private static String share(int count, int units) {
        return String.format(Locale.ROOT, "%d (%.2f %%)", count, units == 0 ? 0 : 100.0 * count / units);
    }
}
