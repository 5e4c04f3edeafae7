package org.tandem.analysis.report;

import static org.tandem.analysis.report.ReportText.html;
import static org.tandem.analysis.report.ReportText.number;
import static org.tandem.analysis.report.ReportText.p;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.report.plot.RdmHeatMap;
import org.tandem.analysis.rsa.LayerRdms;
import org.tandem.analysis.rsa.Rdm;
import org.tandem.analysis.rsa.RsaStudy;

/** The report's section on representational similarity: networks' RDMs, their model fits, and people's RDMs. */
final class RsaHtml {
    static final String ANCHOR = "rsa";

    private RsaHtml() {
    }

    static String render(RsaSection section) {
        StringBuilder out = new StringBuilder();
        out.append("<h2 id=\"" + ANCHOR + "\">Representational similarity</h2>\n<p class=\"how\">How to read this: a"
                + " representational dissimilarity matrix (RDM) says how different two stimuli look to an observer."
                + " For a network layer it is the dissimilarity of its activation patterns; for people, 1 − how often"
                + " two expressions were confused with each other (both directions averaged). Darker is more"
                + " different. Definitions and sources: docs/ANALYSIS.md.</p>\n");
        for (RsaSection.PeopleComparison c : section.people()) {
            people(c, section.studies(), out);
        }
        for (RsaStudy s : section.studies()) {
            models(s, out);
        }
        return out.toString();
    }

    private static void people(RsaSection.PeopleComparison c, List<RsaStudy> studies, StringBuilder out) {
        out.append("<h3>Networks and ").append(html(c.people())).append(": ").append(html(c.protocolId()))
                .append("</h3>\n<p class=\"how\">Each layer's RDM of the expressions' mean patterns against the mean of ")
                .append(c.participants()).append(" confusion RDM(s): Spearman's ρ over the expression pairs, with a one-sided"
                + " permutation p (expressions relabelled). The grey band is the noise ceiling (Nili et al. 2014): how"
                + " well the participants' own mean predicts each of them, between a lower and an upper bound. A"
                + " network inside the band is as close to people as the data can tell.</p>\n");
        Map<String, List<RsaSection.LayerMatch>> byNetwork = new LinkedHashMap<>();
        c.layers().forEach(l -> byNetwork.computeIfAbsent(l.network(), k -> new ArrayList<>()).add(l));
        List<DepthPlot.Series> series = new ArrayList<>();
        byNetwork.forEach((n, ls) -> series.add(new DepthPlot.Series(n, ls.get(0).trainedFor(), ls.get(0).controlOf(),
                ls.stream().mapToDouble(RsaSection.LayerMatch::rho).toArray())));
        DepthPlot.Band band = c.ceiling() == null ? null : new DepthPlot.Band(c.ceiling().lower(), c.ceiling().upper(),
                "noise ceiling");
        out.append("<div class=\"plots\">").append(DepthPlot.svg("Likeness to people's RDM, layer by layer",
                "Spearman ρ with people's RDM", -1, 1, series, band));
        out.append(RdmHeatMap.svg(c.people() + " (" + c.participants() + ")", Rdm.of(c.expressions(), c.peopleRdm())));
        for (List<RsaSection.LayerMatch> ls : byNetwork.values()) {
            if (ls.get(0).controlOf() != null) {
                continue;
            }
            RsaSection.LayerMatch best = ls.stream().filter(l -> !Double.isNaN(l.rho()))
                    .max(Comparator.comparingDouble(RsaSection.LayerMatch::rho)).orElse(null);
            LayerRdms rdms = best == null ? null : find(studies, best.network(), best.layer());
            if (rdms != null) {
                out.append(RdmHeatMap.svg(best.network() + " · " + best.layer() + " (most alike)", rdms.rdm()));
            }
        }
        out.append("</div>\n<p class=\"meta\">");
        out.append(c.ceiling() == null ? html(c.ceilingNote()) : "Noise ceiling: lower " + number(c.ceiling().lower())
                + ", upper " + number(c.ceiling().upper()) + ".");
        if (c.note() != null) {
            out.append(" <span class=\"flag\">⚑</span> ").append(html(c.note()));
        }
        out.append("</p>\n");
        out.append(ReportText.table(List.of("network", "trained for", "layer", "ρ with people", "p", "relabellings",
                "pairs"), c.layers().stream().map(l -> List.of(html(l.network()), html(l.trainedFor()), html(l.layer()),
                Double.isNaN(l.rho()) ? "<span class=\"flag\" title=\"fewer than two pairs of expressions defined in"
                        + " both RDMs, or one RDM constant\">⚑ undefined</span>" : number(l.rho()), p(l.p()),
                l.permutations() + (l.exact() ? " (all)" : ""),
                Integer.toString(l.entries()))).toList()));
    }

    private static void models(RsaStudy s, StringBuilder out) {
        out.append("<h3>Image RDMs against model RDMs</h3>\n<p class=\"how\">Each layer's RDM over the ")
                .append(s.images()).append(" images of ").append(html(s.set())).append(" (").append(html(s.distance()))
                .append(", ").append(html(s.pooling())).append(") against two model RDMs: 0 for pairs of the same"
                + " expression (or identity), 1 otherwise. Kendall's τ_a, as Nili et al. recommend for models with"
                + " tied entries, with a one-sided permutation p (").append(s.permutations())
                .append(" relabellings of the images, seed ").append(s.seed()).append(").</p>\n");
        List<String> models = s.layers().get(0).models().stream().map(LayerRdms.ModelFit::model).toList();
        Map<String, List<LayerRdms>> byNetwork = new LinkedHashMap<>();
        s.layers().forEach(l -> byNetwork.computeIfAbsent(l.network(), k -> new ArrayList<>()).add(l));
        out.append("<div class=\"plots\">");
        for (int m = 0; m < models.size(); m++) {
            int model = m;
            List<DepthPlot.Series> series = new ArrayList<>();
            byNetwork.forEach((n, ls) -> series.add(new DepthPlot.Series(n, ls.get(0).trainedFor(),
                    ls.get(0).controlOf(), ls.stream().mapToDouble(l -> l.models().get(model).tauA()).toArray())));
            out.append(DepthPlot.svg("Image RDM against \"" + models.get(m) + "\"", "Kendall τ_a", -0.2, 0.6, series,
                    null));
        }
        out.append("</div>\n");
        List<String> header = new ArrayList<>(List.of("network", "trained for", "layer", "units"));
        models.forEach(m -> header.add("τ_a " + html(m) + " (p)"));
        out.append(ReportText.table(header, s.layers().stream().map(l -> {
            List<String> row = new ArrayList<>(List.of(html(l.network()), html(l.trainedFor()), html(l.layer()),
                    Integer.toString(l.units())));
            l.models().forEach(f -> row.add(number(f.tauA()) + " (" + p(f.p()) + ")"));
            return row;
        }).toList()));
    }

    private static LayerRdms find(List<RsaStudy> studies, String network, String layer) {
        return studies.stream().flatMap(s -> s.layers().stream())
                .filter(l -> l.network().equals(network) && l.layer().equals(layer)).findFirst().orElse(null);
    }
}
