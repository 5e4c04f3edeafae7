package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.tandem.analysis.compare.ErrorPatterns;
import org.tandem.analysis.compare.PseComparison;
import org.tandem.analysis.confusion.ConfusionMatrix;
import org.tandem.analysis.confusion.ProportionMatrix;
import org.tandem.analysis.records.TrialData;
import org.tandem.analysis.reference.ReferenceGroup;
import org.tandem.analysis.report.Report.ProtocolReport;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.protocols.Task;

/** Compares the networks of each protocol with published groups of people ({@link ReferenceReport}). */
final class ReferenceAnalysis {
    private ReferenceAnalysis() {
    }

    /** @param sections the report section of each protocol, in the order of {@code protocols} */
    static List<ReferenceReport> analyse(ReportInput input, List<ProtocolReport> sections) {
        List<ReferenceReport> out = new ArrayList<>();
        for (ReferenceGroup group : input.references()) {
            List<ReferenceReport.PseTests> pseTests = new ArrayList<>();
            List<ReferenceReport.PatternTest> patterns = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                ProtocolRecords records = input.protocols().get(i);
                IdentificationSection identification = sections.get(i).identification();
                if (group.pse() != null && identification != null
                        && identification.continuumFrom().equals(group.pse().from())
                        && identification.continuumTo().equals(group.pse().to())) {
                    pseTests.add(new ReferenceReport.PseTests(records.protocol().id(), PseComparison.test(
                            summary(group.pse()), IdentificationAnalysis.networkPses(identification.observers()),
                            IdentificationAnalysis.ALPHA)));
                }
                if (group.confusion() != null && records.protocol().task() instanceof Task.Classification task
                        && sameLabels(task, group.confusion())) {
                    patterns.addAll(patterns(group.confusion(), task, records, input));
                }
            }
            List<String> notes = new ArrayList<>();
            if (group.pse() != null && pseTests.isEmpty()) {
                notes.add("no two-afc protocol in these records has the " + group.pse().from() + " → "
                        + group.pse().to() + " continuum, so the published PSE is compared with no network");
            }
            if (group.confusion() != null && patterns.isEmpty()) {
                notes.add("no classification protocol in these records has the labels "
                        + String.join(", ", group.confusion().labels()) + ", so the published matrix is compared with"
                        + " no observer");
            }
            out.add(new ReferenceReport(group.name(), group.source(), group.file(), group.sha256(), group.pse(),
                    pseTests, group.confusion(), patterns, notes));
        }
        return out;
    }

    /** The published mean, SD and n as a sample summary (min, max and sum are not used by the t-test). */
    private static StatisticalSummaryValues summary(ReferenceGroup.PublishedPse pse) {
        return new StatisticalSummaryValues(pse.mean(), pse.sd() * pse.sd(), pse.n(), Double.NaN, Double.NaN,
                pse.mean() * pse.n());
    }

    private static boolean sameLabels(Task.Classification task, ReferenceGroup.PublishedConfusion confusion) {
        List<String> labels = task.labels().stream().map(Task.ResponseOption::label).toList();
        return labels.size() == confusion.labels().size()
                && new HashSet<>(labels).equals(new HashSet<>(confusion.labels()));
    }

    /** τ between the published error pattern and each network's, and the people's of these records pooled. */
    private static List<ReferenceReport.PatternTest> patterns(ReferenceGroup.PublishedConfusion confusion,
                                                              Task.Classification task, ProtocolRecords records,
                                                              ReportInput input) {
        List<String> labels = task.labels().stream().map(Task.ResponseOption::label).toList();
        ProportionMatrix published = ProportionMatrix.published(labels, confusion.labels(), confusion.rows());
        List<ReferenceReport.PatternTest> out = new ArrayList<>();
        List<ProportionMatrix> people = new ArrayList<>();
        for (ObserverGroup g : ObserverGroup.of(records.records(), input.networkNames())) {
            ProportionMatrix m = ConfusionMatrix.of(task, TrialData.labelledResponses(g.records())).proportions();
            if (g.human()) {
                people.add(m);
            } else {
                out.add(new ReferenceReport.PatternTest(records.protocol().id(), g.name(),
                        ErrorPatterns.kendall(published, m)));
            }
        }
        if (!people.isEmpty()) {
            out.add(0, new ReferenceReport.PatternTest(records.protocol().id(), ReportText.HUMAN_MEAN,
                    ErrorPatterns.kendall(published, ProportionMatrix.meanOf(people))));
        }
        return out;
    }
}
