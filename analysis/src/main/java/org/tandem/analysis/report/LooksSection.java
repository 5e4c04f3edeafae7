package org.tandem.analysis.report;

import static org.tandem.analysis.report.ReportText.html;
import static org.tandem.analysis.report.ReportText.number;

import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.looks.LooksStudy;
import org.tandem.analysis.looks.MapExample;
import org.tandem.analysis.looks.NetworkLooks;
import org.tandem.analysis.looks.RegionShares;
import org.tandem.analysis.looks.ShareEstimate;
import org.tandem.analysis.report.plot.RegionSharePlot;

/** "Where networks look": class-activation maps and their mass in the eyes, nose and mouth (tandem explain). */
final class LooksSection {
    static final String ANCHOR = "looks";

    private LooksSection() {
    }

    static String render(List<LooksStudy> studies) {
        StringBuilder out = new StringBuilder();
        out.append("<h2 id=\"" + ANCHOR + "\">Where networks look</h2>\n<p class=\"how\">How to read this: for every"
                + " image, a class-activation map shows where in the face the evidence for one class lies (Grad-CAM:"
                + " the layer's channels weighted by the class score's mean gradient; LayerCAM: each position weighted"
                + " by its own positive gradient), brought to the network's input size. The bars give the mean share"
                + " of each map's mass inside the eyes, the nose and the mouth (known exactly for the built-in faces),"
                + " with 95 % bootstrap intervals over images; the dashed tick is the region's share of the input's"
                + " pixels, what a map spread evenly would give. The untrained twin (random weights, paler) shows what"
                + " the architecture alone puts there. Definitions: docs/ANALYSIS.md.</p>\n");
        for (LooksStudy s : studies) {
            study(s, out);
        }
        return out.toString();
    }

    private static void study(LooksStudy s, StringBuilder out) {
        out.append("<p class=\"meta\">").append(html(s.method())).append(" · ").append(s.images())
                .append(" images of ").append(html(s.set())).append(s.regionSource() == null ? ""
                        : " · regions: " + html(s.regionSource())).append(" · ").append(s.bootstrap())
                .append(" bootstrap samples, seed ").append(s.seed()).append("</p>\n");
        List<NetworkLooks> withRegions = s.networks().stream().filter(n -> !n.groups().isEmpty()).toList();
        if (withRegions.isEmpty()) {
            out.append("<p class=\"note\"><span class=\"flag\">⚑</span> Where the face regions are is not known for"
                    + " these images (the built-in faces carry them; photographs get them from the 68-landmark network"
                    + " unless --regions none), so no share is given; the maps are in the"
                    + " folders tandem explain wrote.</p>\n");
        } else {
            List<RegionSharePlot.Series> series = new ArrayList<>();
            for (NetworkLooks n : withRegions) {
                RegionShares all = n.all();
                int k = s.regions().size();
                double[] mean = new double[k];
                double[] lower = new double[k];
                double[] upper = new double[k];
                double[] area = new double[k];
                for (int r = 0; r < k; r++) {
                    mean[r] = all.regions().get(r).mean();
                    lower[r] = all.regions().get(r).lower();
                    upper[r] = all.regions().get(r).upper();
                    area[r] = n.areaShares().get(r).mean();
                }
                series.add(new RegionSharePlot.Series(n.network(), n.controlOf() != null, mean, lower, upper, area));
            }
            out.append("<div class=\"plots\">").append(RegionSharePlot.svg("Share of the map in each face region",
                    s.regions(), series)).append("</div>\n");
            List<String> header = new ArrayList<>(List.of("network", "trained for", "layer", "scores", "explains", "accuracy",
                    "images"));
            s.regions().forEach(r -> header.add(r + " (pixels)"));
            List<List<String>> rows = new ArrayList<>();
            for (NetworkLooks n : withRegions) {
                rows.add(row(n, n.all(), s.regions().size(), true));
            }
            out.append(ReportText.table(header, rows));
            out.append("<h3>By expression</h3>\n");
            List<String> byHeader = new ArrayList<>(List.of("network", "expression", "images"));
            byHeader.addAll(s.regions());
            List<List<String>> byRows = new ArrayList<>();
            for (NetworkLooks n : withRegions) {
                for (RegionShares g : n.groups()) {
                    if (!g.group().equals(RegionShares.ALL)) {
                        List<String> r = new ArrayList<>(List.of(html(n.network()), html(g.group()), images(g)));
                        g.regions().forEach(e -> r.add(share(e)));
                        byRows.add(r);
                    }
                }
            }
            out.append(ReportText.table(byHeader, byRows));
        }
        for (NetworkLooks n : s.networks()) {
            examples(n, out);
        }
    }

    private static List<String> row(NetworkLooks n, RegionShares all, int regions, boolean withArea) {
        List<String> r = new ArrayList<>(List.of(html(n.network()), html(n.trainedFor()), html(n.layer()),
                html(n.scores()), html(n.target()), n.accuracy() == null ? "–" : number(n.accuracy()), images(all)));
        for (int k = 0; k < regions; k++) {
            ShareEstimate e = all.regions().get(k);
            r.add(share(e) + (withArea ? " (" + number(n.areaShares().get(k).mean()) + ")" : ""));
        }
        return r;
    }

    /** Images counted, with a flag for maps that were empty (no share defined). */
    private static String images(RegionShares g) {
        return g.images() + (g.emptyMaps() == 0 ? "" : " <span class=\"flag\">⚑</span> " + g.emptyMaps()
                + " empty map" + (g.emptyMaps() == 1 ? "" : "s") + " left out");
    }

    private static String share(ShareEstimate e) {
        if (Double.isNaN(e.mean())) {
            return "<span class=\"flag\">⚑</span> no map with mass";
        }
        return number(e.mean()) + (Double.isNaN(e.lower()) ? " <span class=\"flag\">⚑</span> one image: no interval"
                : " [" + number(e.lower()) + ", " + number(e.upper()) + "]");
    }

    private static void examples(NetworkLooks n, StringBuilder out) {
        if (n.examples().isEmpty()) {
            return;
        }
        out.append("<p class=\"meta\">").append(html(n.network())).append(", ").append(html(n.layer()))
                .append(": maps of the class each image's title names</p>\n<div class=\"maps\">");
        for (MapExample e : n.examples()) {
            out.append("<figure><img alt=\"").append(html(e.label())).append("\" width=\"140\" height=\"140\""
                    + " src=\"data:image/png;base64,").append(e.pngBase64()).append("\"><figcaption>")
                    .append(html(e.label())).append(" → ").append(html(e.target())).append("</figcaption></figure>");
        }
        out.append("</div>\n");
    }
}
