package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tandem.analysis.compare.ErrorConsistency;
import org.tandem.analysis.compare.ErrorPatterns;
import org.tandem.analysis.confusion.AccuracyBootstrap;
import org.tandem.analysis.confusion.ConfusionMatrix;
import org.tandem.analysis.confusion.ProportionMatrix;
import org.tandem.analysis.records.LabelledResponse;
import org.tandem.analysis.records.TrialData;
import org.tandem.analysis.report.ClassificationSection.ClassificationObserver;
import org.tandem.analysis.report.ClassificationSection.ConsistencyComparison;
import org.tandem.analysis.report.ClassificationSection.Matrix;
import org.tandem.analysis.report.ClassificationSection.PatternComparison;
import org.tandem.protocols.Task;

/** The classification section: confusion matrices per observer, the human mean, and error comparisons. */
final class ClassificationAnalysis {
    private ClassificationAnalysis() {
    }

    static ClassificationSection analyse(Task.Classification task, List<ObserverGroup> groups, long seed) {
        List<String> labels = task.labels().stream().map(Task.ResponseOption::label).toList();
        List<ClassificationObserver> observers = new ArrayList<>();
        List<ProportionMatrix> humanMatrices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ProportionMatrix> compared = new ArrayList<>();
        for (ObserverGroup g : groups) {
            List<LabelledResponse> responses = TrialData.labelledResponses(g.records());
            ConfusionMatrix m = ConfusionMatrix.of(task, responses);
            observers.add(new ClassificationObserver(g.name(), ReportText.kind(g.kind()), g.sessions(), m.counts(),
                    matrix(m.proportions()), AccuracyBootstrap.ofResponses(responses, AccuracyBootstrap.DEFAULT_RESAMPLES,
                    seed), m.hitRates()));
            if (g.human()) {
                humanMatrices.add(m.proportions());
            } else {
                names.add(g.name());
                compared.add(m.proportions());
            }
        }
        ProportionMatrix humanMean = humanMatrices.isEmpty() ? null : ProportionMatrix.meanOf(humanMatrices);
        if (humanMean != null) {
            names.add(0, ReportText.HUMAN_MEAN);
            compared.add(0, humanMean);
        }
        List<PatternComparison> patterns = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            for (int j = i + 1; j < compared.size(); j++) {
                patterns.add(new PatternComparison(names.get(i), names.get(j),
                        ErrorPatterns.kendall(compared.get(i), compared.get(j))));
            }
        }
        return new ClassificationSection(labels, observers, humanMean == null ? null : matrix(humanMean),
                humanMatrices.size(), patterns, consistency(groups), consistencyNote(groups));
    }

    /** κ of each person with each network, then of each pair of networks, over the trials both answered. */
    private static List<ConsistencyComparison> consistency(List<ObserverGroup> groups) {
        List<ObserverGroup> networks = groups.stream().filter(g -> !g.human()).toList();
        List<ConsistencyComparison> out = new ArrayList<>();
        for (ObserverGroup first : groups) {
            for (ObserverGroup second : networks) {
                boolean pairNotYetSeen = first.human() || networks.indexOf(first) < networks.indexOf(second);
                if (first != second && pairNotYetSeen) {
                    out.add(new ConsistencyComparison(first.name(), second.name(), ErrorConsistency.between(
                            TrialData.correctByTrial(first.firstSession()),
                            TrialData.correctByTrial(second.firstSession()))));
                }
            }
        }
        return out;
    }

    private static String consistencyNote(List<ObserverGroup> groups) {
        Set<String> variants = new TreeSet<>();
        groups.forEach(g -> g.records().forEach(r -> variants.add(
                r.session().variant() == null ? "as written" : "variant '" + r.session().variant() + "'")));
        return "Trials are matched by trial id, using each observer's first session. People run the protocol as written"
                + " and networks usually its 'networks' variant, so only trials whose ids coincide are compared (see"
                + " 'matched'); plans in these records: " + String.join(", ", variants) + ".";
    }

    static Matrix matrix(ProportionMatrix p) {
        return new Matrix(p.values(), p.undefinedRows());
    }
}
