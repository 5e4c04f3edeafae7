package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.records.LevelCount;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;
import org.tandem.analysis.report.Report.ObserverSummary;
import org.tandem.analysis.report.Report.ProtocolReport;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;

/**
 * Computes every number of a report from trial records. Two-AFC protocols are analysed first, so that an ABX section
 * can predict discrimination from the same observer's identification of the same continuum.
 */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    /** @param step called once per protocol analysed, for a progress bar */
    public static Report build(ReportInput input, Runnable step) {
        Map<ProtocolRecords, ProtocolReport> sections = new HashMap<>();
        Map<String, Map<String, List<LevelCount>>> identifications = new HashMap<>();
        for (ProtocolRecords p : input.protocols()) {
            if (p.protocol().task() instanceof Task.TwoAfc task) {
                IdentificationSection s = IdentificationAnalysis.analyse(task, p.protocol().analysis(),
                        ObserverGroup.of(p.records(), input.networkNames()), input.seed(), input.bootstrap());
                Map<String, List<LevelCount>> byObserver = identifications.computeIfAbsent(continuumKey(p.protocol()),
                        k -> new LinkedHashMap<>());
                for (IdentificationObserver o : s.observers()) {
                    byObserver.putIfAbsent(o.name(), o.counts());
                }
                sections.put(p, protocolReport(p, s, null, null));
                step.run();
            }
        }
        List<ProtocolReport> protocols = new ArrayList<>();
        List<ObserverSummary> summaries = new ArrayList<>();
        for (ProtocolRecords p : input.protocols()) {
            List<ObserverGroup> groups = ObserverGroup.of(p.records(), input.networkNames());
            groups.forEach(g -> summaries.add(new ObserverSummary(p.protocol().id(), g.name(), ReportText.kind(g.kind()),
                    g.sessions().size(), g.records().size(), g.origin())));
            ProtocolReport section = sections.get(p);
            if (section == null) {
                Task task = p.protocol().task();
                section = task instanceof Task.Classification c
                        ? protocolReport(p, null, ClassificationAnalysis.analyse(c, groups, input.seed()), null)
                        : protocolReport(p, null, null, AbxAnalysis.analyse((Task.Abx) task, groups,
                        identifications.getOrDefault(continuumKey(p.protocol()), Map.of())));
                step.run();
            }
            protocols.add(section);
        }
        List<IdentificationSection> continua = protocols.stream().map(ProtocolReport::identification)
                .filter(java.util.Objects::nonNull).toList();
        return new Report(input.study(), input.database(), input.seed(), input.bootstrap(), summaries, protocols,
                ShapeComparison.across(continua), ReferenceAnalysis.analyse(input, protocols),
                KeyAssignmentAnalysis.analyse(input.protocols(), input.sessionKeys()), List.of(),
                ManipulationAnalysis.analyse(protocols, input.intactOf(), input.networkNames()), List.of(), null,
                MaskAnalysis.analyse(input.protocols(), protocols), List.of());
    }

    private static ProtocolReport protocolReport(ProtocolRecords p, IdentificationSection identification,
                                                 ClassificationSection classification, AbxSection abx) {
        Protocol protocol = p.protocol();
        Task task = protocol.task();
        String kind = task instanceof Task.Classification ? "classification"
                : task instanceof Task.TwoAfc ? "two-afc" : "abx";
        List<Flag> flags = identification != null ? ReportFlags.identification(identification, IdentificationAnalysis.OPTIONS)
                : classification != null ? ReportFlags.classification(classification) : ReportFlags.abx(abx);
        return new ProtocolReport(protocol.id(), protocol.title(), p.sha256(), kind, identification, classification, abx,
                flags);
    }

    /** Continua are the same when they morph between the same expressions of the same face set, masked alike. */
    private static String continuumKey(Protocol protocol) {
        Task task = protocol.task();
        Task.Continuum c = task instanceof Task.TwoAfc t ? t.continuum()
                : task instanceof Task.Abx a ? a.continuum() : null;
        Protocol.StimulusSet set = protocol.taskStimulusSet();
        return c == null ? "" : c.from() + "→" + c.to() + " @ " + set.name() + "/" + set.identity()
                + (set.mask() == null ? "" : " masked " + set.mask());
    }
}
