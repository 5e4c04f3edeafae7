package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.analysis.report.ClassificationSection.ClassificationObserver;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.analysis.reference.ReferenceGroup;
import org.tandem.analysis.rsa.LayerRdms;
import org.tandem.analysis.rsa.NoiseCeiling;
import org.tandem.analysis.rsa.RankCorrelation;
import org.tandem.analysis.rsa.Rdm;
import org.tandem.analysis.rsa.RdmComparison;
import org.tandem.analysis.rsa.RsaStudy;
import org.tandem.protocols.Task;

/**
 * Compares networks' expression RDMs with people's: each participant's confusion matrix of a classification protocol
 * becomes an RDM over the expressions its labels stand for (1 − the symmetrised confusion proportion), the RDMs'
 * mean is compared with every layer by Spearman's ρ and an exact permutation test, and the participants' agreement
 * bounds what any network could reach (Nili et al.'s noise ceiling).
 */
public final class RsaAnalysis {
    /** Random relabellings where there are too many expressions to enumerate them all. */
    static final int PERMUTATIONS = 1000;

    private RsaAnalysis() {
    }

    /**
     * @param protocols  the records the report was made from: their tasks say which expression each label stands for
     * @param references published groups; each confusion matrix over a protocol's labels is compared too
     */
    public static RsaSection of(List<RsaStudy> studies, Report report, List<ProtocolRecords> protocols,
                                List<ReferenceGroup> references, long seed) {
        List<RsaSection.PeopleComparison> people = new ArrayList<>();
        for (Report.ProtocolReport p : report.protocols()) {
            if (p.classification() == null || studies.isEmpty()) {
                continue;
            }
            Task.Classification task = protocols.stream().filter(r -> r.sha256().equals(p.sha256()))
                    .map(r -> (Task.Classification) r.protocol().task()).findFirst().orElseThrow();
            List<String> expressions = task.labels().stream().map(Task.ResponseOption::expressionOrLabel).toList();
            List<String> networkExpressions = studies.get(0).layers().get(0).expressions();
            if (!new java.util.HashSet<>(expressions)
                    .equals(new java.util.HashSet<>(networkExpressions))) {
                continue; // its labels are not the expressions the networks' RDMs are over
            }
            List<Rdm> tested = new ArrayList<>();
            for (ClassificationObserver o : p.classification().observers()) {
                if (o.kind().equals(ReportText.HUMAN)) {
                    double[][] counts = o.counts().stream().map(r -> r.stream().mapToDouble(Integer::doubleValue)
                            .toArray()).toArray(double[][]::new);
                    tested.add(Rdm.fromConfusion(expressions, counts).inOrder(networkExpressions));
                }
            }
            if (!tested.isEmpty()) {
                people.add(compare(p.protocolId(), "people tested", tested, studies, seed));
            }
            List<String> labels = p.classification().labels();
            for (ReferenceGroup g : references) {
                if (g.confusion() != null && new java.util.HashSet<>(g.confusion().labels())
                        .equals(new java.util.HashSet<>(labels))) {
                    List<String> published = g.confusion().labels().stream()
                            .map(l -> expressions.get(labels.indexOf(l))).toList();
                    double[][] rows = g.confusion().rows().stream().map(r -> r.stream().mapToDouble(Double::doubleValue)
                            .toArray()).toArray(double[][]::new);
                    people.add(compare(p.protocolId(), g.name() + " (published)",
                            List.of(Rdm.fromConfusion(published, rows).inOrder(networkExpressions)), studies, seed));
                }
            }
        }
        return new RsaSection(studies, people);
    }

    private static RsaSection.PeopleComparison compare(String protocolId, String who, List<Rdm> participants,
                                                       List<RsaStudy> studies, long seed) {
        List<String> order = participants.get(0).labels();
        Rdm mean = Rdm.mean(participants);
        Optional<NoiseCeiling> ceiling = NoiseCeiling.of(participants, RankCorrelation.SPEARMAN);
        List<RsaSection.LayerMatch> layers = new ArrayList<>();
        for (RsaStudy study : studies) {
            for (LayerRdms l : study.layers()) {
                RdmComparison.PermutationTest t = RdmComparison.permutationTest(l.rdm(), mean, RankCorrelation.SPEARMAN,
                        PERMUTATIONS, seed);
                layers.add(new RsaSection.LayerMatch(l.network(), l.trainedFor(), l.controlOf(), l.layer(),
                        t.observed().value(), t.p(), t.permutations(), t.exact(), t.observed().entries()));
            }
        }
        int pairs = order.size() * (order.size() - 1) / 2;
        String note = pairs < 10 ? "only " + pairs + " pairs of expressions: the test can find strong relations only"
                : null;
        return new RsaSection.PeopleComparison(protocolId, who, participants.size(), order, mean.values(),
                ceiling.orElse(null), ceiling.isPresent() ? null : "one participant's (or one published) matrix: no one"
                + " to leave out, so the noise ceiling is undefined", layers, note);
    }
}
