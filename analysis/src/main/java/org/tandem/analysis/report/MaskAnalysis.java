package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.compare.PseComparison;
import org.tandem.analysis.psychometric.Estimate;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;
import org.tandem.analysis.report.MaskSection.ConditionTests;
import org.tandem.analysis.report.MaskSection.PseValue;
import org.tandem.analysis.report.MaskSection.Shift;
import org.tandem.analysis.report.Report.ProtocolReport;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.protocols.Protocol;

/**
 * Sets every two-AFC protocol that names a baseline ({@code analysis.baseline}) against that protocol: per observer the
 * PSE shift with a 95 % interval ({@link EstimateChange}), and per condition people's PSEs against each network's by
 * one-sample t-tests ({@link PseComparison}), Bonferroni-corrected over every test of every condition, as Ying et al. did
 * for their feature masks.
 */
final class MaskAnalysis {
    private MaskAnalysis() {
    }

    /**
     * @param inputs   the report's protocols with their documents
     * @param sections their sections, in the same order
     * @return null when no protocol names a baseline
     */
    static MaskSection analyse(List<ProtocolRecords> inputs, List<ProtocolReport> sections) {
        List<String> conditions = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, ProtocolReport> manipulated = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Protocol protocol = inputs.get(i).protocol();
            ProtocolReport section = sections.get(i);
            String baselineId = protocol.analysis() == null ? null : protocol.analysis().baseline();
            if (baselineId == null || section.identification() == null) {
                continue;
            }
            String condition = condition(protocol);
            ProtocolReport baseline = sections.stream().filter(s -> s.protocolId().equals(baselineId)
                    && s.identification() != null).findFirst().orElse(null);
            if (baseline == null) {
                notes.add(protocol.id() + " names " + baselineId + " as its baseline, which no session in this report"
                        + " answered; its PSEs are in its own section, unpaired");
                continue;
            }
            if (!conditions.contains(condition)) {
                conditions.add(condition);
            }
            manipulated.put(condition, section);
            List<Shift> here = new ArrayList<>();
            for (IdentificationObserver o : section.identification().observers()) {
                here.add(shift(condition, section, baseline, o));
            }
            Shift people = peopleMean(condition, section, baseline, here);
            if (people != null) {
                shifts.add(people);
            }
            shifts.addAll(here);
        }
        if (conditions.isEmpty() && notes.isEmpty()) {
            return null;
        }
        return new MaskSection(conditions, shifts, tests(manipulated), family(manipulated),
                IdentificationAnalysis.ALPHA, notes);
    }

    /**
     * People's mean shift, with a t interval over the people whose PSE is defined in both conditions (as Ying et al.
     * report it); null when no person answered both. With fewer than two people the interval is undefined and says so.
     */
    static Shift peopleMean(String condition, ProtocolReport section, ProtocolReport baseline, List<Shift> shifts) {
        List<Shift> people = shifts.stream().filter(s -> s.kind().equals(ReportText.HUMAN)).toList();
        List<Shift> paired = people.stream().filter(s -> s.change().change() != null).toList();
        if (people.isEmpty()) {
            return null;
        }
        int n = paired.size();
        org.apache.commons.math3.stat.descriptive.SummaryStatistics change =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        org.apache.commons.math3.stat.descriptive.SummaryStatistics before =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        org.apache.commons.math3.stat.descriptive.SummaryStatistics after =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        paired.forEach(s -> {
            change.addValue(s.change().change());
            before.addValue(s.baselinePse().value());
            after.addValue(s.pse().value());
        });
        String name = ReportText.HUMAN_MEAN + ", " + n + " of " + people.size();
        if (n < 2 || !(change.getStandardDeviation() > 0)) {
            String why = n < 2 ? "none: a t interval needs two or more people's shifts"
                    : "none: every person's shift is the same, so the spread is 0";
            return new Shift(condition, section.protocolId(), baseline.protocolId(), name, ReportText.HUMAN,
                    new PseValue(n == 0 ? null : before.getMean(), null, null),
                    new PseValue(n == 0 ? null : after.getMean(), null, null),
                    new EstimateChange(n == 0 ? null : change.getMean(), null, null, why),
                    n + " person(s) with a PSE in both conditions; " + why.substring(6), List.of());
        }
        double half = new org.apache.commons.math3.distribution.TDistribution(n - 1)
                .inverseCumulativeProbability(0.975) * change.getStandardDeviation() / Math.sqrt(n);
        return new Shift(condition, section.protocolId(), baseline.protocolId(), name, ReportText.HUMAN,
                new PseValue(before.getMean(), null, null), new PseValue(after.getMean(), null, null),
                new EstimateChange(change.getMean(), change.getMean() - half, change.getMean() + half,
                        "t interval over " + n + " people's shifts"), null, List.of());
    }

    /** The mask a protocol's set shows, or the protocol's id for another manipulation. */
    static String condition(Protocol protocol) {
        String mask = protocol.taskStimulusSet().mask();
        return mask != null ? mask : protocol.id();
    }

    private static Shift shift(String condition, ProtocolReport section, ProtocolReport baseline,
                               IdentificationObserver o) {
        IdentificationObserver before = baseline.identification().observers().stream()
                .filter(b -> b.name().equals(o.name())).findFirst().orElse(null);
        Estimate after = EstimateChange.pse(o.fit());
        List<Flag> flags = new ArrayList<>(flags(section, o.name()));
        if (before == null) {
            return new Shift(condition, section.protocolId(), baseline.protocolId(), o.name(), o.kind(),
                    new PseValue(null, null, null), value(after), new EstimateChange(null, null, null,
                    "none: no baseline PSE"), "did not answer " + baseline.protocolId(), flags);
        }
        Estimate first = EstimateChange.pse(before.fit());
        flags.addAll(flags(baseline, o.name()));
        List<String> reasons = new ArrayList<>();
        if (first.reason() != null) {
            reasons.add(baseline.protocolId() + ": " + first.reason());
        }
        if (after.reason() != null) {
            reasons.add(section.protocolId() + ": " + after.reason());
        }
        return new Shift(condition, section.protocolId(), baseline.protocolId(), o.name(), o.kind(), value(first),
                value(after), EstimateChange.ofPses(first, after), reasons.isEmpty() ? null
                : String.join("; ", reasons), flags);
    }

    /** The section's flags on the observer's PSE and its fit, each naming the protocol it comes from. */
    static List<Flag> flags(ProtocolReport section, String observer) {
        return EstimateChange.pseFlags(section.flags(), observer).stream().map(f -> new Flag(f.observer(),
                f.statistic() + " (" + section.protocolId() + ")", f.kind(), f.note())).toList();
    }

    private static PseValue value(Estimate e) {
        return new PseValue(e.value(), e.ci() == null ? null : e.ci().lower(), e.ci() == null ? null : e.ci().upper());
    }

    /** The tests that can be run in every condition: networks with a PSE where people's PSEs allow a t test. */
    private static int family(Map<String, ProtocolReport> conditions) {
        int family = 0;
        for (ProtocolReport section : conditions.values()) {
            List<IdentificationObserver> observers = section.identification().observers();
            if (PseComparison.humanProblem(PseComparison.finite(IdentificationAnalysis.humanPses(observers))) == null) {
                family += (int) IdentificationAnalysis.networkPses(observers).values().stream()
                        .filter(v -> v != null).count();
            }
        }
        return family;
    }

    private static List<ConditionTests> tests(Map<String, ProtocolReport> conditions) {
        int family = family(conditions);
        List<ConditionTests> out = new ArrayList<>();
        conditions.forEach((condition, section) -> {
            List<IdentificationObserver> observers = section.identification().observers();
            double[] humans = IdentificationAnalysis.humanPses(observers);
            PseComparison comparison = PseComparison.test(humans, IdentificationAnalysis.networkPses(observers),
                    IdentificationAnalysis.ALPHA, family);
            out.add(new ConditionTests(condition, section.protocolId(), comparison,
                    PseComparison.humanProblem(PseComparison.finite(humans))));
        });
        return out;
    }
}
