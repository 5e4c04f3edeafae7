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
 * intervals' half-widths in quadrature on each side (lower: √(a² + b²) below the change, with a the manipulated
 * estimate's distance to its lower bound and b the intact one's to its upper bound; likewise above). A τ comes from one
 * pair of matrices and has no interval; its p value is in the error-pattern table.
 */
final class ManipulationAnalysis {
    static final String PSE = "PSE";
    static final String ACCURACY = "accuracy";
    static final String TAU = "τ with people";
    private static final String QUADRATURE = "bootstrap intervals of both combined in quadrature";

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
        Estimate em = m.fit().fitted() ? m.fit().pse() : new Estimate(null, m.fit().reason(), null);
        Estimate ei = i.fit().fitted() ? i.fit().pse() : new Estimate(null, i.fit().reason(), null);
        out.add(effect(protocol, manipulated, intact, PSE, ei.value(), em.value(),
                ei.ci() == null ? null : ei.ci().lower(), ei.ci() == null ? null : ei.ci().upper(),
                em.ci() == null ? null : em.ci().lower(), em.ci() == null ? null : em.ci().upper(),
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
        out.add(effect(protocol, manipulated, intact, ACCURACY, ai.accuracy(), am.accuracy(), ai.ciLow(), ai.ciHigh(),
                am.ciLow(), am.ciHigh(), note(manipulated, am.undefinedReason(), intact, ai.undefinedReason())));
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
                                             Double intactValue, Double value, Double intactLow, Double intactHigh,
                                             Double low, Double high, String note) {
        if (intactValue == null || value == null) {
            return new ManipulationEffect(protocol, manipulated, intact, measure, intactValue, value, null, null, null,
                    "none: a value is undefined", note, List.of());
        }
        double change = value - intactValue;
        if (intactLow == null || intactHigh == null || low == null || high == null) {
            return new ManipulationEffect(protocol, manipulated, intact, measure, intactValue, value, change, null,
                    null, "none: an estimate has no interval", note, List.of());
        }
        double below = Math.hypot(value - low, intactHigh - intactValue);
        double above = Math.hypot(high - value, intactValue - intactLow);
        return new ManipulationEffect(protocol, manipulated, intact, measure, intactValue, value, change,
                change - below, change + above, QUADRATURE, note, List.of());
    }

    /** The section's flags on either network's value of the measure (for a PSE, also on its fit, lapse and guess). */
    private static List<Flag> flags(List<Flag> flags, ManipulationEffect e) {
        List<String[]> wanted = new ArrayList<>();
        for (String network : List.of(e.manipulated(), e.intact())) {
            switch (e.measure()) {
                case PSE -> List.of(Flag.PSE, Flag.FIT, Flag.LAPSE, Flag.GUESS)
                        .forEach(statistic -> wanted.add(new String[] {network, statistic}));
                case ACCURACY -> wanted.add(new String[] {network, Flag.ACCURACY});
                default -> wanted.add(new String[] {ReportText.HUMAN_MEAN, "τ with " + network});
            }
        }
        List<Flag> out = new ArrayList<>();
        for (String[] w : wanted) {
            out.addAll(Flag.of(flags, w[0], w[1]));
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
