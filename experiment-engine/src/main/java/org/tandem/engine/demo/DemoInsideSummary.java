package org.tandem.engine.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tandem.analysis.looks.LooksStudy;
import org.tandem.analysis.report.ManipulationEffect;
import org.tandem.analysis.report.Report;
import org.tandem.analysis.report.RsaSection;
import org.tandem.analysis.rsa.LayerRdms;
import org.tandem.analysis.units.LayerUnits;
import org.tandem.analysis.units.UnitsStudy;

/**
 * The demo summary's lines about the insides of the networks, read from the report: the share of expression-selective
 * units from the first block to the last, the lesions' effect on the PSE, how the last block's images group by
 * expression, and, with people, which block's RDM is most like theirs.
 */
final class DemoInsideSummary {
    private static final String SEPARATOR = " · ";

    private DemoInsideSummary() {
    }

    static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        for (UnitsStudy study : report.units()) {
            lines.add("Expression-selective units, share of each block's units (first → largest → last): "
                    + byNetwork(study.layers(), LayerUnits::network).entrySet().stream()
                    .map(e -> e.getKey() + " " + shares(e.getValue())).collect(Collectors.joining(SEPARATOR)));
        }
        List<ManipulationEffect> pses = report.manipulations().stream().filter(m -> m.measure().equals("PSE")).toList();
        if (!pses.isEmpty()) {
            lines.add("Lesions, two-AFC PSE (intact → lesioned): " + pses.stream().map(m -> m.manipulated() + " "
                    + number(m.intactValue()) + " → " + (m.value() == null ? "none (" + m.note()
                    .substring(m.note().indexOf(": ") + 2) + ")" : number(m.value()))
                    + m.flags().stream().map(f -> " ⚑ " + f.label()).distinct().collect(Collectors.joining()))
                    .collect(Collectors.joining(SEPARATOR)));
        }
        for (LooksStudy study : report.looks()) {
            lines.add("Where the maps lie, share in eyes / nose / mouth (their share of the pixels): "
                    + study.networks().stream().filter(n -> !n.groups().isEmpty()).map(n -> n.network() + " "
                    + n.all().regions().stream().map(e -> number(e.mean())).collect(Collectors.joining(" / "))
                    + " (" + n.areaShares().stream().map(e -> number(e.mean())).collect(Collectors.joining(" / "))
                    + ")").collect(Collectors.joining(SEPARATOR)));
        }
        RsaSection rsa = report.rsa();
        if (rsa != null) {
            for (var study : rsa.studies()) {
                lines.add("Images grouped by expression in the last block (τ_a with the same-expression RDM): "
                        + byNetwork(study.layers(), LayerRdms::network).entrySet().stream().map(e -> e.getKey() + " "
                        + number(e.getValue().get(e.getValue().size() - 1).models().get(0).tauA()))
                        .collect(Collectors.joining(SEPARATOR)));
            }
            for (RsaSection.PeopleComparison c : rsa.people()) {
                lines.add("Likeness to the RDM of " + c.people() + " (" + c.participants() + ", Spearman ρ, most alike"
                        + " block): " + byNetwork(c.layers(), RsaSection.LayerMatch::network).entrySet().stream()
                        .map(e -> e.getKey() + " " + best(e.getValue())).collect(Collectors.joining(SEPARATOR))
                        + (c.ceiling() == null ? "" : SEPARATOR + "noise ceiling " + number(c.ceiling().lower())
                        + " to " + number(c.ceiling().upper())));
            }
        }
        return lines;
    }

    private static String shares(List<LayerUnits> layers) {
        LayerUnits largest = layers.stream().max(Comparator.comparingDouble(LayerUnits::expressionShare)).orElseThrow();
        return percent(layers.get(0).expressionShare()) + " → " + percent(largest.expressionShare()) + " ("
                + largest.layer() + ") → " + percent(layers.get(layers.size() - 1).expressionShare());
    }

    private static String best(List<RsaSection.LayerMatch> layers) {
        return layers.stream().filter(l -> !Double.isNaN(l.rho())).max(Comparator.comparingDouble(
                RsaSection.LayerMatch::rho)).map(l -> number(l.rho()) + " (" + l.layer() + ", p "
                + String.format(Locale.ROOT, "%.3f", l.p()) + ")").orElse("undefined");
    }

    private static <T> Map<String, List<T>> byNetwork(List<T> items, java.util.function.Function<T, String> network) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        items.forEach(i -> out.computeIfAbsent(network.apply(i), k -> new ArrayList<>()).add(i));
        return out;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String number(Double v) {
        return v == null ? "none" : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }
}
