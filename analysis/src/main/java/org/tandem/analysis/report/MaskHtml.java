package org.tandem.analysis.report;

import static org.tandem.analysis.report.ReportText.html;
import static org.tandem.analysis.report.ReportText.interval;
import static org.tandem.analysis.report.ReportText.number;
import static org.tandem.analysis.report.ReportText.p;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tandem.analysis.compare.PseComparison.NetworkPseTest;
import org.tandem.analysis.report.MaskSection.ConditionTests;
import org.tandem.analysis.report.MaskSection.PseValue;
import org.tandem.analysis.report.MaskSection.Shift;

/**
 * The report's "PSE shifts by mask" section: the plot, each observer's shift per mask, and people's PSEs against each
 * network's. A statistic that is undefined or flagged is never shown as a plain number: it is a dash with the reason,
 * or its number with the flags next to it.
 */
final class MaskHtml {
    static final String ANCHOR = "masks";
    static final String TITLE = "PSE shifts by mask";

    private MaskHtml() {
    }

    static String render(MaskSection section, ReportPlots plots) {
        StringBuilder out = new StringBuilder();
        out.append("<h2 id=\"" + ANCHOR + "\">" + TITLE + "</h2>\n<p class=\"how\">How to read this: a masked"
                + " protocol shows its baseline's continuum with one face part covered (Ying et al.'s feature masks)."
                + " For each observer that answered both, the shift is the PSE with the part masked minus the PSE"
                + " unmasked, with a 95 % interval from both PSEs' bootstrap intervals combined in quadrature; a shift"
                + " whose interval excludes 0 moved the category boundary. Below, people's PSEs in each masked"
                + " condition are tested against each network's PSE there (two-sided one-sample t-tests, participants"
                + " without a PSE left out)").append(section.testsShown() == 0
                        ? "; none could be run here (each needs two or more people's PSEs and the network's).</p>\n"
                        : ", Bonferroni-corrected over the " + section.testsShown() + " test"
                        + (section.testsShown() == 1 ? "" : "s") + " run, at α = " + section.alpha() + ".</p>\n");
        if (!section.shifts().isEmpty()) {
            out.append("<div class=\"plots\">").append(MaskPlot.svg(section, plots::colour)).append("</div>\n");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Shift s : section.shifts()) {
            rows.add(List.of(html(s.condition()), plots.nameHtml(s.observer(), s.kind()), s.kind(),
                    pse(s.baselinePse()), pse(s.pse()), shift(s), flags(s)));
        }
        out.append(ReportText.table(List.of("mask", "observer", "kind", "PSE unmasked [95 % CI]",
                "PSE masked [95 % CI]", "shift [95 % CI]", "flags and notes"), rows));
        List<List<String>> tests = new ArrayList<>();
        for (ConditionTests c : section.tests()) {
            for (NetworkPseTest t : c.comparison().tests()) {
                tests.add(testRow(section, c, t));
            }
        }
        if (!tests.isEmpty()) {
            out.append("<h3>People's PSEs against each network's, per mask</h3>\n");
            out.append(ReportText.table(List.of("mask", "network", "network PSE", "people: mean (SD), n", "t", "df",
                    "p", section.testsShown() == 0 ? "p (Bonferroni)" : "p × " + section.testsShown() + " (Bonferroni)",
                    "differs", "note"), tests));
        }
        for (String note : section.notes()) {
            out.append("<p class=\"note\"><span class=\"flag\">⚑ unpaired</span> ").append(html(note)).append("</p>\n");
        }
        return out.toString();
    }

    private static String pse(PseValue v) {
        return v.value() == null ? "–" : number(v.value()) + " " + interval(v.ciLow(), v.ciHigh());
    }

    /** The shift, or a dash saying why there is none; a shift without an interval is flagged, never plain. */
    private static String shift(Shift s) {
        if (s.change().change() == null) {
            return "<span class=\"flag\" title=\"" + html(s.change().interval()) + "\">⚑ undefined</span>";
        }
        String value = number(s.change().change()) + " " + interval(s.change().ciLow(), s.change().ciHigh());
        if (s.change().ciLow() == null) {
            value += " <span class=\"flag\" title=\"" + html(s.change().interval()) + "\">⚑ no interval</span>";
        }
        return value;
    }

    private static String flags(Shift s) {
        String notes = s.note() == null ? "" : "<span class=\"flag\">⚑ undefined</span> " + html(s.note());
        return notes + s.flags().stream().map(f -> " " + flag(f)).collect(Collectors.joining());
    }

    private static List<String> testRow(MaskSection section, ConditionTests c, NetworkPseTest t) {
        var people = c.comparison();
        String group = people.humans() == 0 ? "–" : number(people.humanMean()) + " ("
                + (people.humanSd() == null ? "–" : number(people.humanSd())) + "), " + people.humans();
        if (t.undefinedReason() != null) {
            // both reasons when both hold: a network without a PSE and too few people
            String why = c.note() == null || c.note().equals(t.undefinedReason()) ? t.undefinedReason()
                    : t.undefinedReason() + "; people's PSEs: " + c.note();
            return List.of(html(c.condition()), html(t.network()), number(t.pse()), group, "–", "–", "–", "–", "–",
                    "<span class=\"flag\">⚑ undefined</span> " + html(why));
        }
        // the network's PSE may be usable but flagged (outside the tested range, a poor fit): say so next to it
        String networkFlags = section.shifts().stream().filter(s -> s.condition().equals(c.condition())
                        && s.observer().equals(t.network())).flatMap(s -> s.flags().stream())
                .filter(f -> f.statistic().endsWith("(" + c.protocolId() + ")"))
                .map(MaskHtml::flag).collect(Collectors.joining(" "));
        return List.of(html(c.condition()), html(t.network()), number(t.pse()), group, number(t.t()),
                Integer.toString(t.df()), p(t.p()), p(t.pBonferroni()), t.differs() ? "yes" : "no", networkFlags);
    }

    private static String flag(Flag f) {
        return "<span class=\"flag\" title=\"" + html(f.note()) + "\">⚑ " + html(f.statistic() + " " + f.label())
                + "</span>";
    }
}
