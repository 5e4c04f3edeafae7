package org.tandem.analysis.report;

import java.util.List;
import org.tandem.analysis.compare.CorrelationTest;
import org.tandem.analysis.compare.PseComparison;
import org.tandem.analysis.reference.ReferenceGroup;

/**
 * A published group of people and how each network compares with it: a one-sample t-test of the group's PSE against
 * each network's PSE on the same continuum (from the published mean, SD and n), and Kendall's τ between the published
 * confusion matrix's error pattern and each observer's.
 *
 * @param pseTests one per two-AFC protocol with the group's continuum
 * @param patterns one per observer of each classification protocol with the group's labels
 * @param notes    why a published summary was compared with nothing
 */
public record ReferenceReport(String name, String source, String file, String sha256, ReferenceGroup.PublishedPse pse,
                              List<PseTests> pseTests, ReferenceGroup.PublishedConfusion confusion,
                              List<PatternTest> patterns, List<String> notes) {

    public record PseTests(String protocolId, PseComparison comparison) {
    }

    public record PatternTest(String protocolId, String observer, CorrelationTest kendall) {
    }
}
