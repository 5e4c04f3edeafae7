package org.tandem.analysis.report;

import static org.tandem.analysis.report.ReportText.html;
import static org.tandem.analysis.report.ReportText.interval;
import static org.tandem.analysis.report.ReportText.number;
import static org.tandem.analysis.report.ReportText.p;

import java.util.ArrayList;
import java.util.List;
import org.tandem.analysis.compare.CategoricalPerception;
import org.tandem.analysis.compare.MannWhitney;
import org.tandem.analysis.compare.PseComparison;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.confusion.HitRate;
import org.tandem.analysis.identification.CurveShapes;
import org.tandem.analysis.identification.IdentificationPoint;
import org.tandem.analysis.identification.Shape;
import org.tandem.analysis.psychometric.Estimate;
import org.tandem.analysis.psychometric.PsychometricFit;
import org.tandem.analysis.records.PairAccuracy;
import org.tandem.analysis.report.AbxSection.AbxObserver;
import org.tandem.analysis.report.ClassificationSection.ClassificationObserver;
import org.tandem.analysis.report.ClassificationSection.ConsistencyComparison;
import org.tandem.analysis.report.ClassificationSection.PatternComparison;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;
import org.tandem.analysis.report.Report.ObserverSummary;
import org.tandem.analysis.report.Report.ProtocolReport;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG plots, no scripts and nothing fetched, so it
 * opens offline and can be mailed as a single file.
 */
public final class ReportHtml {
    private static final String STYLE = """
            body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;max-width:1100px;
            margin:2em auto;padding:0 1.2em;line-height:1.45}
            h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
            h3{margin-top:1.4em}.meta{color:#555}.how{background:#f4f6f8;border-left:4px solid #8aa;padding:.5em .8em}
            .note{color:#555;font-style:italic}table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
            th,td{border:1px solid #ddd;padding:.25em .6em;text-align:right}th{background:#f4f4f4}
            td:first-child,th:first-child{text-align:left}.plots{display:flex;flex-wrap:wrap;gap:1em}
            .maps{display:flex;flex-wrap:wrap;gap:.6em}.maps figure{margin:0;text-align:center;font-size:.85em}
            .maps img{image-rendering:pixelated;display:block}
            .plots svg{max-width:100%;height:auto}.swatch{display:inline-block;width:.9em;height:.9em;
            margin-right:.35em;vertical-align:-.1em;border-radius:2px}nav ol{columns:2}
            .flag{color:#a33;font-size:.85em;white-space:nowrap}
            """;

    private final Report report;
    private final ReportPlots plots;
    private final StringBuilder out = new StringBuilder();
    /** The flags of the section being written. */
    private List<Flag> flags = List.of();

    private ReportHtml(Report report) {
        this.report = report;
        this.plots = new ReportPlots(report.observers().stream().filter(o -> o.kind().equals(ReportText.NETWORK))
                .map(ObserverSummary::observer).distinct().toList());
    }

    /** @param generatedAt when the report was made, shown in the header only (results.json has no time stamp) */
    public static String render(Report report, String generatedAt) {
        return new ReportHtml(report).page(generatedAt);
    }

    private String page(String generatedAt) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Tandem report")
                .append(report.study() == null ? "" : ": " + html(report.study())).append("</title>\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        if (report.observers().isEmpty() && report.units().isEmpty() && report.rsa() != null) {
            out.append("<h1>Tandem: representational similarity</h1>\n<p class=\"meta\">tandem rsa · generated ")
                    .append(html(generatedAt)).append("</p>\n");
            out.append(RsaHtml.render(report.rsa()));
            out.append("<p class=\"note\">Every number on this page is in rsa.json; tandem analyze --rsa compares"
                    + " these RDMs with people's. Definitions: docs/ANALYSIS.md.</p>\n</body>\n</html>\n");
            return out.toString();
        }
        if (report.observers().isEmpty() && report.units().isEmpty() && report.rsa() == null
                && !report.looks().isEmpty()) {
            out.append("<h1>Tandem: where networks look</h1>\n<p class=\"meta\">tandem explain · generated ")
                    .append(html(generatedAt)).append("</p>\n");
            out.append(LooksSection.render(report.looks()));
            out.append("<p class=\"note\">Every number on this page is in explain.json and region-shares.csv; the"
                    + " maps themselves are in maps/. Definitions: docs/ANALYSIS.md.</p>\n</body>\n</html>\n");
            return out.toString();
        }
        if (report.observers().isEmpty() && report.layers().isEmpty() && !report.units().isEmpty()) {
            out.append("<h1>Tandem: selective units</h1>\n<p class=\"meta\">tandem units · generated ")
                    .append(html(generatedAt)).append("</p>\n");
            out.append(UnitsSection.render(report.units()));
            out.append("<p class=\"note\">Every number on this page is in units.json and units-summary.csv; the"
                    + " definitions are in docs/ANALYSIS.md.</p>\n</body>\n</html>\n");
            return out.toString();
        }
        if (report.observers().isEmpty() && !report.layers().isEmpty()) {
            out.append("<h1>Tandem: networks layer by layer</h1>\n<p class=\"meta\">tandem layers · generated ")
                    .append(html(generatedAt)).append("</p>\n");
            contents();
            layers();
            out.append("<p class=\"note\">Every number on this page is in layers.json and layers.csv; the method is"
                    + " described in docs/READOUT.md.</p>\n</body>\n</html>\n");
            return out.toString();
        }
        out.append("<h1>Tandem report</h1>\n<p class=\"meta\">Study: <b>")
                .append(report.study() == null ? "all studies" : html(report.study())).append("</b> · database ")
                .append(html(report.database())).append(" · generated ").append(html(generatedAt))
                .append(" · seed ").append(report.seed()).append(" · ").append(report.bootstrap())
                .append(" bootstrap samples per fit</p>\n");
        contents();
        if (!report.observers().isEmpty()) {
            sessions();
        }
        for (ProtocolReport p : report.protocols()) {
            out.append("<h2 id=\"").append(anchor(p)).append("\">").append(html(p.title())).append(" <small>(")
                    .append(html(p.protocolId())).append(", ").append(p.task()).append(")</small></h2>\n");
            flags = p.flags();
            if (p.identification() != null) {
                identification(p.identification());
            } else if (p.classification() != null) {
                classification(p.classification());
            } else {
                abx(p.abx());
            }
            flagTable(p.flags());
        }
        shapeComparisons();
        manipulations();
        if (report.masks() != null) {
            out.append(MaskHtml.render(report.masks(), plots));
        }
        layers();
        if (!report.units().isEmpty()) {
            out.append(UnitsSection.render(report.units()));
        }
        if (report.rsa() != null) {
            out.append(RsaHtml.render(report.rsa()));
        }
        if (!report.looks().isEmpty()) {
            out.append(LooksSection.render(report.looks()));
        }
        references();
        keyAssignments();
        out.append("<p class=\"note\">Every number on this page is in results.json, with the reason wherever a number is"
                + " undefined; the methods are described in docs/ANALYSIS.md.</p>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Protocols with counterbalanced keys: whether the key assignment moved people's answers. */
    private void keyAssignments() {
        if (report.keyAssignments().isEmpty()) {
            return;
        }
        out.append("<h2 id=\"keys\">Counterbalanced response keys</h2>\n<p class=\"how\">Half of the participants"
                + " answered with the labels' keys reversed (chosen by their code). If a key were preferred for itself"
                + " (a hand, a side), the share of the first label would differ between the two groups; Fisher's exact"
                + " test (two-sided) says how surprising the difference is.</p>\n");
        for (KeyAssignmentCheck c : report.keyAssignments()) {
            out.append("<p class=\"meta\">").append(html(c.protocolId())).append(": share of ")
                    .append(html(c.firstLabel())).append(" answers</p>\n");
            table(List.of("keys", "key map", "sessions", "answers", c.firstLabel(), "share"), c.groups().stream()
                    .map(g -> List.of(html(g.assignment()), g.keys() == null ? "" : html(g.keys()),
                            Integer.toString(g.sessions()), Integer.toString(g.answers()),
                            Integer.toString(g.chosenFirst()), number(g.share()))).toList());
            if (c.test() != null) {
                out.append("<p>Fisher's exact test: p = ").append(p(c.test().p())).append("</p>\n");
            }
            if (c.note() != null) {
                out.append("<p class=\"note\">").append(html(c.note())).append("</p>\n");
            }
        }
    }

    /** Published groups of people (tandem analyze --reference) against the networks. */
    private void references() {
        if (report.references().isEmpty()) {
            return;
        }
        out.append("<h2 id=\"references\">Published groups of people</h2>\n<p class=\"how\">Groups known only from"
                + " a paper's summary, not tested with Tandem: each network's PSE against the group's (a one-sample"
                + " t-test from the published mean, SD and n, as Ying et al. test networks against their people), and"
                + " Kendall's τ between the published confusion matrix's errors and each observer's (as Zhou et"
                + " al.).</p>\n");
        for (ReferenceReport r : report.references()) {
            out.append("<h3>").append(html(r.name())).append("</h3>\n<p class=\"meta\">").append(html(r.source()))
                    .append(" · from ").append(html(r.file())).append(" (SHA-256 ").append(r.sha256(), 0, 12)
                    .append("…)</p>\n");
            if (r.pse() != null) {
                out.append("<p>Published PSE on ").append(html(r.pse().from())).append(" → ")
                        .append(html(r.pse().to())).append(": ").append(number(r.pse().mean())).append(" %, ")
                        .append(html(r.pse().spread())).append(", n = ").append(r.pse().n()).append(".</p>\n");
            }
            for (ReferenceReport.PseTests t : r.pseTests()) {
                out.append("<p class=\"meta\">").append(html(t.protocolId())).append("</p>\n");
                pseComparison(t.comparison());
            }
            if (!r.patterns().isEmpty()) {
                table(List.of("published", "observer", "pairs", "τ", "p", "method", "note"), r.patterns().stream()
                        .map(t -> patternRow(new PatternComparison(r.name(), t.observer() + " (" + t.protocolId()
                                + ")", t.kendall()))).toList());
            }
            r.notes().forEach(n -> out.append("<p class=\"note\">").append(html(n)).append("</p>\n"));
        }
    }

    private void contents() {
        out.append("<nav><h2>Contents</h2><ol>");
        if (!report.observers().isEmpty()) {
            out.append("<li><a href=\"#sessions\">Observers and sessions</a></li>");
        }
        for (ProtocolReport p : report.protocols()) {
            out.append("<li><a href=\"#").append(anchor(p)).append("\">").append(html(p.title())).append("</a></li>");
        }
        if (!report.shapeComparisons().isEmpty()) {
            out.append("<li><a href=\"#shapes\">Identification-curve shapes across continua</a></li>");
        }
        if (!report.manipulations().isEmpty()) {
            out.append("<li><a href=\"#manipulations\">Lesioned and shuffled networks</a></li>");
        }
        if (report.masks() != null) {
            out.append("<li><a href=\"#" + MaskHtml.ANCHOR + "\">" + MaskHtml.TITLE + "</a></li>");
        }
        if (!report.layers().isEmpty()) {
            out.append("<li><a href=\"#layers\">Layer by layer</a></li>");
        }
        if (!report.units().isEmpty()) {
            out.append("<li><a href=\"#" + UnitsSection.ANCHOR + "\">Selective units inside the networks</a></li>");
        }
        if (!report.looks().isEmpty()) {
            out.append("<li><a href=\"#" + LooksSection.ANCHOR + "\">Where networks look</a></li>");
        }
        if (report.rsa() != null) {
            out.append("<li><a href=\"#" + RsaHtml.ANCHOR + "\">Representational similarity</a></li>");
        }
        if (!report.references().isEmpty()) {
            out.append("<li><a href=\"#references\">Published groups of people</a></li>");
        }
        if (!report.keyAssignments().isEmpty()) {
            out.append("<li><a href=\"#keys\">Counterbalanced response keys</a></li>");
        }
        out.append("</ol></nav>\n");
    }

    private void sessions() {
        out.append("<h2 id=\"sessions\">Observers and sessions</h2>\n<p class=\"how\">People are listed by participant"
                + " code, networks by observer spec; several sessions of one network are pooled. Origin: people tested"
                + " with Tandem, or imported from another tool's export (tandem import); published groups, known only"
                + " from their summaries, are compared with the networks at the end.</p>\n");
        table(List.of("protocol", "observer", "kind", "origin", "sessions", "trials"), report.observers().stream()
                .map(o -> List.of(html(o.protocol()), name(o.observer(), o.kind()), o.kind(), html(o.origin()),
                        Integer.toString(o.sessions()), Integer.toString(o.trials()))).toList());
    }

    private void identification(IdentificationSection s) {
        out.append("<p class=\"how\">How to read this: each curve is the probability of answering \"")
                .append(html(s.countedLabel())).append("\" at each level of the ").append(html(s.continuumFrom()))
                .append(" → ").append(html(s.continuumTo())).append(" continuum; dots are the observed proportions."
                        + (s.humanMean() == null ? "" : " Grey: each participant's fit and proportions; black: the"
                        + " people's mean proportion with its 95 % t interval and a fit of their pooled answers.")
                        + " Colours: networks, with a pointwise 95 % bootstrap band where the bootstrap defines one."
                        + " The grey vertical line marks the continuum's midpoint (level 50). The PSE is where a"
                        + " curve crosses 50 %; a steeper curve (smaller JND) is a sharper category boundary.</p>\n");
        noPeople(s.humanMean() == null);
        plot(plots.identification(s));
        out.append("<h3>Psychometric fits</h3>\n");
        s.observers().stream().map(IdentificationObserver::fit).filter(PsychometricFit::fitted).findFirst()
                .ifPresent(f -> out.append("<p class=\"meta\">Fitted as ").append(html(f.task())).append(" data, ")
                        .append(html(f.sigmoid())).append(" sigmoid, the proportion of \"")
                        .append(html(s.countedLabel())).append("\" ").append(f.direction().equals("decreasing")
                                ? "falling" : "rising").append(" along the continuum")
                        .append(f.directionRule() == null ? "" : " (each observer's direction decided from its"
                                + " data)").append(".</p>\n"));
        List<List<String>> rows = new ArrayList<>();
        if (s.humanMean() != null) {
            rows.add(fitRow(ReportText.HUMAN_POOLED, ReportText.HUMAN, s.humanMean().pooledFit()));
        }
        s.observers().forEach(o -> rows.add(fitRow(o.name(), o.kind(), o.fit())));
        table(List.of("observer", "kind", "trials", "PSE [95 % CI]", "JND [95 % CI]", "slope [95 % CI]", "guess",
                "lapse", "note"), rows);
        out.append("<h3>Networks' PSE against people's</h3>\n");
        if (s.pseComparison() == null) {
            out.append("<p class=\"note\">").append(html(s.pseComparisonNote())).append("</p>\n");
        } else {
            pseComparison(s.pseComparison());
        }
        shapes(s);
    }

    private List<String> fitRow(String observer, String kind, PsychometricFit fit) {
        if (!fit.fitted()) {
            return List.of(name(observer, kind), kind, Integer.toString(fit.trials()), "–", "–", "–", "–", "–",
                    html(fit.reason()));
        }
        List<String> reasons = new ArrayList<>();
        for (Estimate e : List.of(fit.pse(), fit.jnd(), fit.slope())) {
            if (e.reason() != null) {
                reasons.add(e.reason());
            }
        }
        return List.of(name(observer, kind), kind, Integer.toString(fit.trials()),
                marked(estimate(fit.pse()), observer, Flag.PSE),
                marked(estimate(fit.jnd()), observer, Flag.JND),
                marked(estimate(fit.slope()), observer, Flag.SLOPE),
                marked(number(fit.guess().value()), observer, Flag.GUESS),
                marked(number(fit.lapse().value()), observer, Flag.LAPSE),
                marked(html(String.join("; ", reasons)), observer, Flag.FIT));
    }

    private static String estimate(Estimate e) {
        if (!e.defined()) {
            return "–";
        }
        return number(e.value()) + " " + (e.ci() == null ? "" : interval(e.ci().lower(), e.ci().upper()));
    }

    private void pseComparison(PseComparison c) {
        out.append("<p>People's PSEs: mean ").append(number(c.humanMean())).append(", SD ").append(number(c.humanSd()))
                .append(" (").append(c.humans()).append(" participants). Each network: two-sided one-sample t-test of"
                        + " the people's PSEs against the network's, Bonferroni-corrected over ")
                .append(c.networksTested()).append(" network(s), α = ").append(c.alpha()).append(".</p>\n");
        table(List.of("network", "PSE", "t", "df", "p", "p (Bonferroni)", "differs from people", "note"),
                c.tests().stream().map(t -> List.of(name(t.network(), ReportText.NETWORK), number(t.pse()),
                        number(t.t()), Integer.toString(t.df()), p(t.p()), p(t.pBonferroni()),
                        t.differs() == null ? "–" : t.differs() ? "yes" : "no", html(t.undefinedReason()))).toList());
    }

    private void shapes(IdentificationSection s) {
        out.append("<h3>Identification-curve shapes</h3>\n<p class=\"how\">Least-squares fits of the proportions by a"
                + " line, a parabola and a logistic; a logistic that fits best (highest R²) is the signature of"
                + " categorical perception (Zhou et al.). The plot shows the three fits for ")
                .append(html(s.shapesShown() == null ? "no observer" : s.shapesShown()))
                .append(" only; the table has every observer, and the test across continua is at the end of the"
                        + " report.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        if (s.humanMean() != null) {
            rows.add(shapeRow(ReportText.HUMAN_MEAN, ReportText.HUMAN, s.humanMean().shapes()));
        }
        s.observers().forEach(o -> rows.add(shapeRow(o.name(), o.kind(), o.shapes())));
        table(List.of("observer", "linear R²", "quadratic R²", "logistic R²", "best", "note"), rows);
        List<IdentificationPoint> points;
        CurveShapes shapes;
        if (s.humanMean() != null) {
            points = s.humanMean().points().stream().map(m -> new IdentificationPoint(m.level(), m.mean())).toList();
            shapes = s.humanMean().shapes();
        } else if (!s.observers().isEmpty()) {
            IdentificationObserver first = s.observers().get(0);
            points = IdentificationPoint.of(first.counts());
            shapes = first.shapes();
        } else {
            return;
        }
        if (points.size() >= 2) {
            plot(plots.shapes(s.shapesShown(), points, shapes));
        }
    }

    private List<String> shapeRow(String observer, String kind, CurveShapes shapes) {
        List<String> row = new ArrayList<>(List.of(name(observer, kind)));
        for (Shape shape : Shape.values()) {
            row.add(number(shapes.fit(shape).rSquared()));
        }
        row.add(shapes.best() == null ? "–" : shapes.best().name().toLowerCase(java.util.Locale.ROOT));
        List<String> reasons = new ArrayList<>();
        if (shapes.undefinedReason() != null) {
            reasons.add(shapes.undefinedReason());
        }
        shapes.fits().stream().filter(f -> f.undefinedReason() != null)
                .forEach(f -> reasons.add(f.shape().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.undefinedReason()));
        row.add(html(String.join("; ", reasons.stream().distinct().toList())));
        return row;
    }

    private void classification(ClassificationSection s) {
        out.append("<p class=\"how\">How to read this: rows are the expression shown, columns the answer; each cell is"
                + " the share of that row's trials, so the diagonal is the hit rate and the rest are errors."
                + (s.humanMean() == null ? "" : " People are pooled as the mean of their own matrices.")
                + " Kendall's τ compares where observers err; κ (error"
                + " consistency) whether they err on the same trials beyond what their accuracies predict. The"
                + " heat maps show " + (s.humanMean() == null ? "" : "the people's mean and ") + "each network.</p>\n");
        noPeople(s.humanMean() == null);
        out.append("<div class=\"plots\">");
        if (s.humanMean() != null) {
            out.append(plots.heatMap("People (mean of " + s.humans() + ")", s.labels(), s.humanMean()));
        }
        for (ClassificationObserver o : s.observers()) {
            if (!o.kind().equals(ReportText.HUMAN)) {
                out.append(plots.heatMap(o.name(), s.labels(), o.proportions()));
            }
        }
        out.append("</div>\n<h3>Accuracy and hit rates</h3>\n");
        List<String> header = new ArrayList<>(List.of("observer", "kind", "trials", "accuracy [95 % CI]"));
        s.labels().forEach(l -> header.add("hit " + html(l)));
        List<List<String>> rows = new ArrayList<>();
        for (ClassificationObserver o : s.observers()) {
            Accuracy a = o.accuracy();
            List<String> row = new ArrayList<>(List.of(name(o.name(), o.kind()), o.kind(), Integer.toString(a.n()),
                    a.accuracy() == null ? html(a.undefinedReason())
                            : marked(number(a.accuracy()) + " " + interval(a.ciLow(), a.ciHigh()), o.name(),
                            Flag.ACCURACY)));
            o.hitRates().stream().map(HitRate::rate).forEach(r -> row.add(number(r)));
            rows.add(row);
        }
        table(header, rows);
        out.append("<h3>Error patterns (Kendall's τ between off-diagonal proportions)</h3>\n");
        if (s.errorPatterns().isEmpty()) {
            out.append("<p class=\"note\">Needs two matrices to compare: people and a network, or two networks.</p>\n");
        } else {
            table(List.of("first", "second", "pairs", "τ", "p", "method", "note"), s.errorPatterns().stream()
                    .map(ReportHtml::patternRow).toList());
        }
        out.append("<h3>Error consistency (κ, trial by trial)</h3>\n<p class=\"note\">")
                .append(html(s.errorConsistencyNote())).append("</p>\n");
        if (!s.errorConsistency().isEmpty()) {
            table(List.of("first", "second", "matched trials", "κ", "observed agreement", "expected agreement", "note"),
                    s.errorConsistency().stream().map(ReportHtml::consistencyRow).toList());
        }
    }

    private static List<String> patternRow(PatternComparison c) {
        return List.of(html(c.first()), html(c.second()), Integer.toString(c.kendall().n()),
                number(c.kendall().coefficient()), p(c.kendall().p()), html(c.kendall().method()),
                html(c.kendall().undefinedReason()));
    }

    private static List<String> consistencyRow(ConsistencyComparison c) {
        return List.of(html(c.first()), html(c.second()), Integer.toString(c.consistency().matchedTrials()),
                number(c.consistency().kappa()), number(c.consistency().observedAgreement()),
                number(c.consistency().expectedAgreement()), html(c.consistency().undefinedReason()));
    }

    private void abx(AbxSection s) {
        boolean people = s.observers().stream().anyMatch(o -> o.kind().equals(ReportText.HUMAN));
        out.append("<p class=\"how\">How to read this: the share of ABX trials answered correctly for each pair of"
                + " levels, plotted at the pair's midpoint" + (people ? "; grey lines: each participant, black: the"
                + " people's mean" : "") + "; colours: networks, with 95 % Wilson intervals as bars; the light grey"
                + " line is chance (0.5). Categorical perception shows as a peak at the category boundary, where the"
                + " faces fall into different categories; a network's boundary from its identification curve is the"
                + " vertical line in its colour. Dashed curves are the accuracy predicted from the same observer's"
                + " identification curve, ½[1 + (p_A − p_B)²]. The table gives each pair's accuracy, its 95 % Wilson"
                + " interval and its trials.</p>\n");
        noPeople(!people);
        plot(plots.abx(s));
        List<String> header = new ArrayList<>(List.of("observer", "kind"));
        List<PairAccuracy> first = s.observers().isEmpty() ? List.of() : s.observers().get(0).pairs();
        first.forEach(pair -> header.add(ReportText.level(pair.low()) + "–" + ReportText.level(pair.high())));
        table(header, s.observers().stream().map(o -> {
            List<String> row = new ArrayList<>(List.of(name(o.name(), o.kind()), o.kind()));
            for (PairAccuracy pair : first) {
                row.add(o.intervals().stream().filter(q -> q.low() == pair.low() && q.high() == pair.high())
                        .findFirst().map(q -> pairCell(o.name(), q)).orElse("–"));
            }
            return row;
        }).toList());
        out.append("<h3>Predicted from identification</h3>\n");
        table(List.of("observer", "boundary", "r (predicted, observed)", "p", "peak at boundary", "note"),
                s.observers().stream().map(this::categoricalRow).toList());
    }

    private String pairCell(String observer, PairInterval q) {
        String cell = number(q.accuracy()) + " " + interval(q.ciLow(), q.ciHigh()) + " <small>(" + q.total()
                + ")</small>";
        return q.correct() == q.total() || q.correct() == 0 ? marked(cell, observer, Flag.PAIRS) : cell;
    }

    /** A section drawn from networks alone says so, so that no one looks for people in it. */
    private void noPeople(boolean none) {
        if (none) {
            out.append("<p class=\"note\">No people's sessions for this protocol: the section shows networks only."
                    + " Add people with: tandem run PROTOCOL --participant CODE</p>\n");
        }
    }

    /** The number with the label of each flag its statistic carries, so a flagged number is never read plain. */
    private String marked(String cell, String observer, String statistic) {
        StringBuilder b = new StringBuilder(cell);
        for (Flag f : Flag.of(flags, observer, statistic)) {
            b.append(" <span class=\"flag\" title=\"").append(html(f.note())).append("\">⚑ ").append(f.label())
                    .append("</span>");
        }
        return b.toString();
    }

    private void flagTable(List<Flag> section) {
        if (section.isEmpty()) {
            return;
        }
        out.append("<h3>Flagged statistics</h3>\n<p class=\"how\">These statistics of the section are undefined (shown"
                + " as – above), degenerate, at a bound, at ceiling or floor, or come from a poor fit; numbers marked ⚑"
                + " above are among them. Read them with the note.</p>\n");
        table(List.of("observer", "statistic", "flag", "note"), section.stream().map(f -> List.of(html(f.observer()),
                html(f.statistic()), "<span class=\"flag\">⚑ " + f.label() + "</span>", html(f.note()))).toList());
    }

    private void shapeComparisons() {
        if (report.shapeComparisons().isEmpty()) {
            return;
        }
        out.append("<h2 id=\"shapes\">Identification-curve shapes across continua</h2>\n<p class=\"how\">How to read"
                + " this: for each observer, the R² of the logistic fits over the continua it identified against the"
                + " R² of the linear (and quadratic) fits, by a two-sided Mann–Whitney U test (" + MannWhitney.METHOD
                + "), as Zhou et al. do. Logistic R² reliably above linear R² is the signature of categorical"
                + " perception. No plot: the R² per continuum are in results.json.</p>\n");
        table(List.of("observer", "kind", "continua", "median R² logistic", "linear", "quadratic",
                "U, p (logistic vs linear)", "U, p (logistic vs quadratic)", "note"), report.shapeComparisons().stream()
                .map(c -> List.of(name(c.observer(), c.kind()), c.kind(), c.logistic().size() + " of " + c.continua(),
                        number(median(c.logistic())), number(median(c.linear())), number(median(c.quadratic())),
                        test(c.logisticVsLinear(), c.flag()), test(c.logisticVsQuadratic(), c.flag()),
                        c.flag() == null ? "" : html(c.flag().note()))).toList());
    }

    /** Lesioned and weight-shuffled networks against the same networks intact. */
    private void manipulations() {
        if (report.manipulations().isEmpty()) {
            return;
        }
        out.append("<h2 id=\"manipulations\">Lesioned and shuffled networks</h2>\n<p class=\"how\">How to read"
                + " this: a lesioned network has some units of one layer silenced (its spec says which: the layer's"
                + " expression- or identity-selective units, or as many random units as the control); a shuffled one"
                + " has a layer's weights permuted. Each answered the same trials as the intact network; the change is"
                + " manipulated − intact, with a 95 % interval from both estimates' own intervals. Their curves and"
                + " matrices are in the protocols' sections above.</p>\n");
        table(List.of("protocol", "network", "intact network", "measure", "intact", "manipulated", "change",
                "95 % CI", "note"), report.manipulations().stream().map(e -> List.of(html(e.protocolId()),
                name(e.manipulated(), ReportText.NETWORK), name(e.intact(), ReportText.NETWORK), html(e.measure()),
                number(e.intactValue()), number(e.value()), number(e.change()),
                e.ciLow() == null ? "<span title=\"" + html(e.interval()) + "\">–</span>"
                        : interval(e.ciLow(), e.ciHigh()),
                (e.note() == null ? "" : "<span class=\"flag\">⚑ undefined</span> " + html(e.note()))
                        + e.flags().stream().map(f -> " <span class=\"flag\" title=\"" + html(f.note()) + "\">⚑ "
                                + html(f.observer() + ": " + f.statistic() + " " + f.label()) + "</span>")
                        .collect(java.util.stream.Collectors.joining()))).toList());
    }

    /** Layer-by-layer readouts of networks (tandem layers): one curve per network, its untrained twin dashed. */
    private void layers() {
        if (report.layers().isEmpty()) {
            return;
        }
        out.append("<h2 id=\"layers\">Layer by layer</h2>\n<p class=\"how\">How to read this: for each network, a"
                + " linear readout of each layer is trained to tell the classes apart and scored on images of people"
                + " it was not trained on (as Schwartz et al. compare networks trained for different tasks). x: the"
                + " layer's place among the layers read (0 the first block, 1 the last); y: held-out accuracy with its"
                + " 95 % bootstrap interval (identities resampled). An untrained twin (dashed, in its network's colour)"
                + " shows what the architecture alone gives; the grey line is chance.</p>\n");
        for (org.tandem.analysis.layers.LayerSweep sweep : report.layers()) {
            List<Flag> sweepFlags = sweep.flags();
            out.append("<h3>").append(html(sweep.task())).append(" readout</h3>\n<p class=\"meta\">")
                    .append(sweep.images()).append(" images of ").append(html(sweep.set())).append(", ")
                    .append(sweep.classes()).append(" classes (chance ").append(number(sweep.chance())).append(") · ")
                    .append(html(sweep.readout())).append(" · ").append(html(sweep.folds())).append(" · features: ")
                    .append(html(sweep.pooling())).append(" · ").append(sweep.resamples())
                    .append(" bootstrap resamples, seed ").append(sweep.seed()).append("</p>\n");
            plot(LayerPlot.svg(sweep));
            List<Flag> previous = flags;
            flags = sweepFlags;
            List<List<String>> rows = new java.util.ArrayList<>();
            for (org.tandem.analysis.layers.LayerSweep.NetworkCurve curve : sweep.networks()) {
                for (org.tandem.analysis.layers.LayerSweep.LayerPoint p : curve.points()) {
                    var a = p.accuracy();
                    rows.add(List.of(html(curve.network()), html(curve.trainedFor()), html(p.layer()),
                            number(p.relativeDepth()), Integer.toString(p.features()),
                            marked(number(a.accuracy()), curve.network(), "accuracy at " + p.layer()),
                            a.ciLow() == null ? "–" : "[" + number(a.ciLow()) + ", " + number(a.ciHigh()) + "]",
                            html(p.chosen())));
                }
            }
            table(List.of("network", "trained for", "layer", "depth", "features", "accuracy", "95 % CI", "C chosen"),
                    rows);
            flags = previous;
            flagTable(sweepFlags);
        }
    }

    private static String test(MannWhitney m, Flag flag) {
        if (m == null) {
            return "<span class=\"flag\" title=\"" + html(flag.note()) + "\">⚑ " + flag.label() + "</span>";
        }
        return m.p() == null ? html(m.undefinedReason()) : "U = " + number(m.uMin()) + ", p = " + p(m.p());
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        return new org.apache.commons.math3.stat.descriptive.rank.Median()
                .evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private List<String> categoricalRow(AbxObserver o) {
        CategoricalPerception cp = o.categoricalPerception();
        if (cp == null) {
            return List.of(name(o.name(), o.kind()), "–", "–", "–", "–", html(o.categoricalPerceptionNote()));
        }
        String note = String.join("; ", java.util.stream.Stream.of(cp.boundaryUndefinedReason(),
                cp.correlation().undefinedReason(), cp.peakUndefinedReason()).filter(java.util.Objects::nonNull).toList());
        return List.of(name(o.name(), o.kind()), number(cp.boundary()), number(cp.correlation().coefficient()),
                p(cp.correlation().p()), cp.peakAtBoundary() == null ? "–" : cp.peakAtBoundary() ? "yes" : "no",
                html(note));
    }

    /** An observer's name, with its plot colour for networks. */
    private String name(String observer, String kind) {
        return plots.nameHtml(observer, kind);
    }

    private void plot(String svg) {
        out.append("<div class=\"plots\">").append(svg).append("</div>\n");
    }

    private void table(List<String> header, List<List<String>> rows) {
        out.append(ReportText.table(header, rows));
    }

    private static String anchor(ProtocolReport p) {
        return "p-" + p.protocolId().replaceAll("[^A-Za-z0-9_-]", "-") + "-" + p.sha256().substring(0, 8);
    }
}
