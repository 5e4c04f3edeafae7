package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.compare.CategoricalPerception;
import org.tandem.analysis.compare.PseComparison;
import org.tandem.analysis.confusion.HitRate;
import org.tandem.analysis.identification.CurveShapes;
import org.tandem.analysis.identification.ShapeFit;
import org.tandem.analysis.psychometric.Estimate;
import org.tandem.analysis.psychometric.PsychometricFit;
import org.tandem.analysis.report.AbxSection.AbxObserver;
import org.tandem.analysis.report.ClassificationSection.ClassificationObserver;
import org.tandem.analysis.report.ClassificationSection.ConsistencyComparison;
import org.tandem.analysis.report.ClassificationSection.PatternComparison;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;
import org.tandem.analysis.report.Report.ProtocolReport;

/**
 * The report's tables as CSV: estimates per observer (fits.csv), comparisons between observers (comparisons.csv) and
 * each observer's confusion counts. Numbers are written in full precision; an undefined number is an empty cell.
 */
final class ReportCsv {
    static final String FITS_HEADER = "observer,protocol,parameter,value,ci_low,ci_high";
    static final String COMPARISONS_HEADER = "protocol,comparison,first,second,statistic,value,p,n,note";

    private ReportCsv() {
    }

    static String fits(Report report) {
        StringBuilder out = new StringBuilder(FITS_HEADER).append('\n');
        for (ProtocolReport p : report.protocols()) {
            String id = p.protocolId();
            if (p.identification() != null) {
                IdentificationSection s = p.identification();
                if (s.humanMean() != null) {
                    fit(out, ReportText.HUMAN_POOLED, id, s.humanMean().pooledFit());
                    shapes(out, ReportText.HUMAN_MEAN, id, s.humanMean().shapes());
                }
                for (IdentificationObserver o : s.observers()) {
                    fit(out, o.name(), id, o.fit());
                    shapes(out, o.name(), id, o.shapes());
                }
            }
            if (p.classification() != null) {
                for (ClassificationObserver o : p.classification().observers()) {
                    row(out, o.name(), id, "accuracy", o.accuracy().accuracy(), o.accuracy().ciLow(), o.accuracy().ciHigh());
                    for (HitRate h : o.hitRates()) {
                        row(out, o.name(), id, "hit_rate:" + h.label(), h.rate(), null, null);
                    }
                }
            }
            if (p.abx() != null) {
                for (AbxObserver o : p.abx().observers()) {
                    o.intervals().forEach(pair -> row(out, o.name(), id, "abx_accuracy:" + pair.low() + "-"
                            + pair.high(), pair.accuracy(), pair.ciLow(), pair.ciHigh()));
                }
            }
        }
        return out.toString();
    }

    private static void fit(StringBuilder out, String observer, String protocol, PsychometricFit fit) {
        if (!fit.fitted()) {
            return;
        }
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        estimates.put("pse", fit.pse());
        estimates.put("jnd", fit.jnd());
        estimates.put("slope", fit.slope());
        estimates.put("threshold", fit.threshold());
        estimates.put("location", fit.location());
        estimates.put("scale", fit.scale());
        estimates.put("width", fit.width());
        estimates.put("guess", fit.guess());
        estimates.put("lapse", fit.lapse());
        estimates.forEach((name, e) -> row(out, observer, protocol, name, e.value(),
                e.ci() == null ? null : e.ci().lower(), e.ci() == null ? null : e.ci().upper()));
    }

    private static void shapes(StringBuilder out, String observer, String protocol, CurveShapes shapes) {
        for (ShapeFit f : shapes.fits()) {
            row(out, observer, protocol, "r2_" + f.shape().name().toLowerCase(java.util.Locale.ROOT), f.rSquared(), null, null);
        }
    }

    private static void row(StringBuilder out, String observer, String protocol, String parameter, Double value,
                            Double low, Double high) {
        out.append(String.join(",", cell(observer), cell(protocol), cell(parameter), cell(value), cell(low), cell(high)))
                .append('\n');
    }

    static String comparisons(Report report) {
        StringBuilder out = new StringBuilder(COMPARISONS_HEADER).append('\n');
        for (ProtocolReport p : report.protocols()) {
            String id = p.protocolId();
            PseComparison pse = p.identification() == null ? null : p.identification().pseComparison();
            if (pse != null) {
                pse.tests().forEach(t -> comparison(out, id, "pse_t_test", ReportText.HUMAN_MEAN, t.network(), "t",
                        t.t(), t.pBonferroni(), pse.humans(), "p Bonferroni-corrected; uncorrected p " + t.p()
                                + (t.undefinedReason() == null ? "" : "; " + t.undefinedReason())));
            }
            if (p.classification() != null) {
                for (PatternComparison c : p.classification().errorPatterns()) {
                    comparison(out, id, "error_pattern", c.first(), c.second(), "kendall_tau", c.kendall().coefficient(),
                            c.kendall().p(), c.kendall().n(), c.kendall().undefinedReason());
                }
                for (ConsistencyComparison c : p.classification().errorConsistency()) {
                    comparison(out, id, "error_consistency", c.first(), c.second(), "kappa", c.consistency().kappa(),
                            null, c.consistency().matchedTrials(), c.consistency().undefinedReason());
                }
            }
            if (p.abx() != null) {
                for (AbxObserver o : p.abx().observers()) {
                    CategoricalPerception cp = o.categoricalPerception();
                    if (cp != null) {
                        comparison(out, id, "abx_predicted_vs_observed", o.name(), o.name(), "pearson_r",
                                cp.correlation().coefficient(), cp.correlation().p(), cp.correlation().n(),
                                "peak at boundary: " + cp.peakAtBoundary());
                    }
                }
            }
        }
        return out.toString();
    }

    private static void comparison(StringBuilder out, String protocol, String kind, String first, String second,
                                   String statistic, Double value, Double p, int n, String note) {
        out.append(String.join(",", cell(protocol), cell(kind), cell(first), cell(second), cell(statistic), cell(value),
                cell(p), Integer.toString(n), cell(note))).append('\n');
    }

    /** Counts of one observer: rows true label, columns response. */
    static String confusion(List<String> labels, List<List<Integer>> counts) {
        StringBuilder out = new StringBuilder("true_label");
        labels.forEach(l -> out.append(',').append(cell(l)));
        out.append('\n');
        for (int r = 0; r < labels.size(); r++) {
            List<String> row = new ArrayList<>(List.of(cell(labels.get(r))));
            counts.get(r).forEach(c -> row.add(Integer.toString(c)));
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    static final String LAYERS_HEADER = "task,set,network,trained_for,twin_of,layer,relative_depth,features,correct,n,"
            + "accuracy,ci_low,ci_high,chance,chosen_c,flag";

    /** layers.csv: one row per network and layer of every layer-by-layer comparison. */
    static String layers(Report report) {
        StringBuilder out = new StringBuilder(LAYERS_HEADER).append('\n');
        for (org.tandem.analysis.layers.LayerSweep sweep : report.layers()) {
            List<Flag> flags = sweep.flags();
            for (org.tandem.analysis.layers.LayerSweep.NetworkCurve curve : sweep.networks()) {
                for (org.tandem.analysis.layers.LayerSweep.LayerPoint p : curve.points()) {
                    String flag = String.join("; ", Flag.of(flags, curve.network(), "accuracy at " + p.layer())
                            .stream().map(Flag::label).toList());
                    out.append(String.join(",", cell(sweep.task()), cell(sweep.set()), cell(curve.network()),
                            cell(curve.trainedFor()), cell(curve.twinOf()), cell(p.layer()),
                            Double.toString(p.relativeDepth()), Integer.toString(p.features()),
                            Integer.toString(p.accuracy().correct()), Integer.toString(p.accuracy().n()),
                            cell(p.accuracy().accuracy()), cell(p.accuracy().ciLow()), cell(p.accuracy().ciHigh()),
                            Double.toString(sweep.chance()), cell(p.chosen()), cell(flag))).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** manipulations.csv: each manipulated network against the same network intact, per protocol and measure. */
    static String manipulations(Report report) {
        StringBuilder out = new StringBuilder("protocol,network,intact_network,measure,intact,manipulated,change,"
                + "ci_low,ci_high,interval,note,flags\n");
        for (ManipulationEffect e : report.manipulations()) {
            out.append(String.join(",", cell(e.protocolId()), cell(e.manipulated()), cell(e.intact()),
                    cell(e.measure()), cell(e.intactValue()), cell(e.value()), cell(e.change()), cell(e.ciLow()),
                    cell(e.ciHigh()), cell(e.interval()), cell(e.note()), flags(e.flags())))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * mask-shifts.csv: each observer's PSE in each masked condition against its baseline PSE, then each network's PSE
     * against people's there (rows of kind {@code test}).
     */
    static String maskShifts(Report report) {
        StringBuilder out = new StringBuilder("row,mask,protocol,baseline,observer,kind,pse_baseline,pse,shift,ci_low,"
                + "ci_high,interval,t,df,p,p_bonferroni,differs,note,flags\n");
        for (MaskSection.Shift s : report.masks().shifts()) {
            out.append(String.join(",", "shift", cell(s.condition()), cell(s.protocolId()), cell(s.baselineId()),
                    cell(s.observer()), s.kind(), cell(s.baselinePse().value()), cell(s.pse().value()),
                    cell(s.change().change()), cell(s.change().ciLow()), cell(s.change().ciHigh()),
                    cell(s.change().interval()), "", "", "", "", "", cell(s.note()), flags(s.flags()))).append('\n');
        }
        for (MaskSection.ConditionTests c : report.masks().tests()) {
            for (var t : c.comparison().tests()) {
                out.append(String.join(",", "test", cell(c.condition()), cell(c.protocolId()), "", cell(t.network()),
                        ReportText.NETWORK, "", cell(t.pse()), "", "", "", "", cell(t.t()), t.t() == null ? "" : Integer.toString(t.df()),
                        cell(t.p()), cell(t.pBonferroni()), t.differs() == null ? "" : t.differs().toString(),
                        cell(t.undefinedReason()), "")).append('\n');
            }
        }
        return out.toString();
    }

    private static String flags(List<Flag> flags) {
        return cell(flags.stream().map(f -> f.observer() + ": " + f.statistic() + " " + f.label())
                .collect(java.util.stream.Collectors.joining("; ")));
    }

    private static String cell(Double v) {
        return v == null || v.isNaN() ? "" : Double.toString(v);
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
