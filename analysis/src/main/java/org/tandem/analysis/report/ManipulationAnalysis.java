package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tandem.analysis.psychometric.Estimate;
import org.tandem.analysis.report.ClassificationSection.ClassificationObserver;
import org.tandem.analysis.report.ClassificationSection.PatternComparison;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;

/**
 * Compares every manipulated network with the same network intact, protocol by protocol, where both answered it: the
 * PSE of a two-AFC continuum, and a classification's accuracy and the Kendall τ between its errors and people's.
 *
 * <p>The two networks' fits and accuracies are independent estimates, so the change's 95 % interval combines their own
 * intervals in quadrature ({@link EstimateChange}). A τ comes from one pair of matrices and has no interval; its p value
 * is in the error-pattern table.
 */
final class ManipulationAnalysis {
    static final String PSE = "PSE";
    static final String ACCURACY = "accuracy";
    static final String TAU = "τ with people";

    private ManipulationAnalysis() {
    }

    /**
     * @param intactOf     the intact network of each manipulated one, by observer id
     * @param networkNames what the report calls networks, by observer id
     */
    static List<ManipulationEffect> analyse(List<Report.ProtocolReport> protocols, Map<String, String> intactOf,
                                            Map<String, String> networkNames) {
        List<ManipulationEffect> out = new ArrayList<>();
        for (Map.Entry<String, String> pair : intactOf.entrySet()) {
            String manipulated = networkNames.getOrDefault(pair.getKey(), pair.getKey());
            String intact = networkNames.getOrDefault(pair.getValue(), pair.getValue());
            for (Report.ProtocolReport p : protocols) {
                List<ManipulationEffect> found = new ArrayList<>();
                if (p.identification() != null) {
                    identification(p.protocolId(), p.identification(), manipulated, intact, found);
                } else if (p.classification() != null) {
                    classification(p.protocolId(), p.classification(), manipulated, intact, found);
                }
                found.forEach(e -> out.add(e.flagged(flags(p.flags(), e))));
            }
        }
        return out;
    }

    private static void identification(String protocol, IdentificationSection s, String manipulated, String intact,
                                       List<ManipulationEffect> out) {
        IdentificationObserver m = find(s.observers(), manipulated, IdentificationObserver::name);
        IdentificationObserver i = find(s.observers(), intact, IdentificationObserver::name);
        if (m == null || i == null) {
            return;
        }
        Estimate em = EstimateChange.pse(m.fit());
        Estimate ei = EstimateChange.pse(i.fit());
        out.add(effect(protocol, manipulated, intact, PSE, ei.value(), em.value(), EstimateChange.ofPses(ei, em),
                note(manipulated, em.reason(), intact, ei.reason())));
    }

    private static void classification(String protocol, ClassificationSection s, String manipulated, String intact,
                                       List<ManipulationEffect> out) {
        ClassificationObserver m = find(s.observers(), manipulated, ClassificationObserver::name);
        ClassificationObserver i = find(s.observers(), intact, ClassificationObserver::name);
        if (m == null || i == null) {
            return;
        }
        var am = m.accuracy();
        var ai = i.accuracy();
        out.add(effect(protocol, manipulated, intact, ACCURACY, ai.accuracy(), am.accuracy(),
                EstimateChange.of(ai.accuracy(), ai.ciLow(), ai.ciHigh(), am.accuracy(), am.ciLow(), am.ciHigh()),
                note(manipulated, am.undefinedReason(), intact, ai.undefinedReason())));
        PatternComparison tm = withPeople(s, manipulated);
        PatternComparison ti = withPeople(s, intact);
        if (tm != null && ti != null) {
            Double vm = tm.kendall().coefficient();
            Double vi = ti.kendall().coefficient();
            out.add(new ManipulationEffect(protocol, manipulated, intact, TAU, vi, vm,
                    vm == null || vi == null ? null : vm - vi, null, null,
                    "none: each τ comes from one pair of matrices (p values in the error-pattern table)",
                    note(manipulated, tm.kendall().undefinedReason(), intact, ti.kendall().undefinedReason()),
                    List.of()));
        }
    }

    private static ManipulationEffect effect(String protocol, String manipulated, String intact, String measure,
                                             Double intactValue, Double value, EstimateChange change, String note) {
        return new ManipulationEffect(protocol, manipulated, intact, measure, intactValue, value, change.change(),
                change.ciLow(), change.ciHigh(), change.interval(), note, List.of());
    }

    /** The section's flags on either network's value of the measure (for a PSE, also on its fit, lapse and guess). */
    private static List<Flag> flags(List<Flag> flags, ManipulationEffect e) {
        List<Flag> out = new ArrayList<>();
        for (String network : List.of(e.manipulated(), e.intact())) {
            switch (e.measure()) {
                case PSE -> out.addAll(EstimateChange.pseFlags(flags, network));
                case ACCURACY -> out.addAll(Flag.of(flags, network, Flag.ACCURACY));
                default -> out.addAll(Flag.of(flags, ReportText.HUMAN_MEAN, "τ with " + network));
            }
        }
        return out;
    }

    private static PatternComparison withPeople(ClassificationSection s, String network) {
        return s.errorPatterns().stream().filter(c -> c.first().equals(ReportText.HUMAN_MEAN)
                && c.second().equals(network)).findFirst().orElse(null);
    }

    private static String note(String manipulated, String manipulatedReason, String intact, String intactReason) {
        List<String> parts = new ArrayList<>();
        if (manipulatedReason != null) {
            parts.add(manipulated + ": " + manipulatedReason);
        }
        if (intactReason != null) {
            parts.add(intact + ": " + intactReason);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static <T> T find(List<T> observers, String name, java.util.function.Function<T, String> nameOf) {
        return observers.stream().filter(o -> Objects.equals(nameOf.apply(o), name)).findFirst().orElse(null);
    }
}
