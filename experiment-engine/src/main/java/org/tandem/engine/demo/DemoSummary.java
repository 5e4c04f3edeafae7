package org.tandem.engine.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tandem.analysis.compare.CorrelationTest;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.psychometric.Estimate;
import org.tandem.analysis.records.PairAccuracy;
import org.tandem.analysis.report.AbxSection;
import org.tandem.analysis.report.ClassificationSection;
import org.tandem.analysis.report.Flag;
import org.tandem.analysis.report.IdentificationSection;
import org.tandem.analysis.report.Report;
import org.tandem.analysis.report.ReportText;

/**
 * The demo's terminal summary, one line per finding, read from the report's own numbers: each observer's PSE on the
 * two-AFC task, six-way accuracy, Kendall's τ between the error patterns, error consistency κ, ABX accuracy, each
 * network's most decodable layer, what was found inside the networks ({@link DemoInsideSummary}), and where the report
 * is.
 */
public final class DemoSummary {
    private static final String SEPARATOR = " · ";

    private DemoSummary() {
    }

    public static List<String> lines(Report report, String reportPath) {
        List<String> lines = new ArrayList<>();
        for (Report.ProtocolReport p : report.protocols()) {
            if (p.identification() != null) {
                lines.add("Two-AFC PSE, % " + p.identification().continuumTo() + " where P(\""
                        + p.identification().countedLabel() + "\") = 0.5, 95 % CI: " + pses(p.identification(), p.flags()));
            } else if (p.classification() != null) {
                lines.add("Six-way accuracy, 95 % CI: " + accuracies(p.classification(), p.flags()));
                lines.add("Kendall τ between error patterns: " + kendalls(p.classification(), p.flags()));
                lines.add("Error consistency κ (trial by trial): " + kappas(p.classification(), p.flags()));
            } else if (p.abx() != null) {
                lines.add("ABX accuracy: " + abx(p.abx(), p.flags()));
            }
        }
        for (org.tandem.analysis.layers.LayerSweep sweep : report.layers()) {
            lines.add("Layer by layer, " + sweep.task() + " readout of held-out people (chance "
                    + format(sweep.chance()) + "), best layer: " + bestLayers(sweep));
        }
        lines.addAll(DemoInsideSummary.lines(report));
        if (report.protocols().stream().anyMatch(p -> !p.flags().isEmpty())) {
            lines.add("⚑ marks a flagged statistic (ceiling, undefined, at a bound, ...): the report says why");
        }
        lines.add("Report: " + reportPath);
        return lines;
    }

    private static String pses(IdentificationSection s, List<Flag> flags) {
        List<String> parts = new ArrayList<>();
        if (s.humanMean() != null) {
            parts.add("people (" + s.humanMean().participants() + ") " + estimate(s.humanMean().pooledFit().pse())
                    + Flag.marks(flags, ReportText.HUMAN_POOLED, Flag.PSE));
        }
        s.observers().stream().filter(o -> o.kind().equals(ReportText.NETWORK))
                .forEach(o -> parts.add(o.name() + " " + (o.fit().fitted() ? estimate(o.fit().pse())
                        + Flag.marks(flags, o.name(), Flag.PSE) : o.fit().reason())));
        return String.join(SEPARATOR, parts);
    }

    /** Each network's accuracy, and people's mean accuracy over participants. */
    private static String accuracies(ClassificationSection s, List<Flag> flags) {
        List<String> parts = new ArrayList<>();
        double[] people = s.observers().stream().filter(o -> o.kind().equals(ReportText.HUMAN) && o.accuracy().accuracy() != null)
                .mapToDouble(o -> o.accuracy().accuracy()).toArray();
        if (people.length > 0) {
            parts.add("people (" + people.length + ") mean " + format(Arrays.stream(people).average()
                    .orElseThrow()));
        }
        s.observers().stream().filter(o -> o.kind().equals(ReportText.NETWORK))
                .forEach(o -> parts.add(o.name() + " " + accuracy(o.accuracy())
                        + Flag.marks(flags, o.name(), Flag.ACCURACY)));
        return String.join(SEPARATOR, parts);
    }

    private static String kendalls(ClassificationSection s, List<Flag> flags) {
        if (s.errorPatterns().isEmpty()) {
            return "needs two observers";
        }
        return s.errorPatterns().stream().map(c -> c.first() + " vs " + c.second() + " " + tau(c.kendall())
                + Flag.marks(flags, c.first(), "τ with " + c.second())).collect(Collectors.joining(SEPARATOR));
    }

    private static String kappas(ClassificationSection s, List<Flag> flags) {
        if (s.errorConsistency().isEmpty()) {
            return "needs two observers answering the same trials";
        }
        return s.errorConsistency().stream().map(c -> c.first() + " vs " + c.second() + " "
                + (c.consistency().kappa() == null ? "undefined" : String.format(Locale.ROOT, "%.2f",
                c.consistency().kappa())) + Flag.marks(flags, c.first(), "κ with " + c.second()))
                .collect(Collectors.joining(SEPARATOR));
    }

    private static String abx(AbxSection s, List<Flag> flags) {
        return s.observers().stream().map(o -> {
            int correct = o.pairs().stream().mapToInt(PairAccuracy::correct).sum();
            int total = o.pairs().stream().mapToInt(PairAccuracy::total).sum();
            // pairs at ceiling are listed in the report; the pooled accuracy is marked only when it is at ceiling itself
            return o.name() + " " + (total == 0 ? "no trials" : format(correct / (double) total))
                    + (total > 0 && correct == total ? Flag.marks(flags, o.name(), Flag.PAIRS) : "");
        }).collect(Collectors.joining(SEPARATOR));
    }

    /** Each network's most decodable layer with its accuracy and interval. */
    private static String bestLayers(org.tandem.analysis.layers.LayerSweep sweep) {
        return sweep.networks().stream().map(curve -> curve.points().stream()
                .filter(p -> p.accuracy().accuracy() != null)
                .max(java.util.Comparator.comparingDouble(p -> p.accuracy().accuracy()))
                .map(p -> curve.network() + " " + accuracy(p.accuracy()) + " at " + shortLayer(p.layer()))
                .orElse(curve.network() + " none")).collect(Collectors.joining(SEPARATOR));
    }

    /** The last part of a graph node's name (StatefulPartitionedCall/model_1/add_2/add → add_2/add). */
    private static String shortLayer(String layer) {
        String[] parts = layer.split("/");
        return parts.length <= 2 ? layer : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    private static String estimate(Estimate e) {
        if (e == null || e.value() == null) {
            return "none" + (e != null && e.reason() != null ? " (" + e.reason() + ")" : "");
        }
        String ci = e.ci() == null || e.ci().lower() == null ? "" : " [" + format(e.ci().lower()) + ", "
                + format(e.ci().upper()) + "]";
        return format(e.value()) + ci;
    }

    private static String accuracy(Accuracy a) {
        return a.accuracy() == null ? "none (" + a.undefinedReason() + ")"
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", a.accuracy(), a.ciLow(), a.ciHigh());
    }

    private static String tau(CorrelationTest t) {
        // the report gives the reason (e.g. a network without errors has no error pattern to correlate)
        return t.coefficient() == null ? "undefined"
                : String.format(Locale.ROOT, "%.2f (p %.2g)", t.coefficient(), t.p());
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }
}
