package org.tandem.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.records.PlannedRecords;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.Planner;

/** A store with network sessions only: every section still renders and says what people's data would add. */
class NetworksOnlyReportTest {
    @Test
    void withoutPeopleTheSectionsSayWhatIsMissing() {
        Report report = ReportBuilder.build(new ReportInput(null, "memory", List.of(
                records("expression-2afc-happy-sad", t -> t.numericLevel("happiness") >= 60 ? "happy" : "sad"),
                records("expression-abx", t -> t.correctAnswer())), 1, 100), () -> { });

        IdentificationSection id = report.protocols().get(0).identification();
        assertThat(id.humanMean()).isNull();
        assertThat(id.pseComparison()).isNull();
        assertThat(id.pseComparisonNote()).contains("tandem run PROTOCOL --participant CODE");
        assertThat(id.shapesShown()).isEqualTo("faceapi:expression");
        AbxSection.AbxObserver abx = report.protocols().get(1).abx().observers().get(0);
        assertThat(abx.pairs()).isNotEmpty();
        // the same spec identified the same continuum, so discrimination is predicted from it
        assertThat(abx.categoricalPerception()).isNotNull();
        assertThat(abx.categoricalPerceptionNote()).isNull();

        String html = ReportHtml.render(report, "now");
        assertThat(html).contains("all studies", "tandem run PROTOCOL --participant CODE",
                "No people's sessions for this protocol: the section shows networks only.")
                .doesNotContain("Grey: each participant", "grey lines: each participant");
        assertThat(html.split("<svg", -1)).hasSize(1 + 3);
    }

    private static ProtocolRecords records(String name, java.util.function.Function<org.tandem.protocols.plan.Trial,
            String> answer) {
        Protocol protocol = PlannedRecords.protocol(name);
        return new ProtocolRecords(protocol, Planner.protocolSha256(protocol),
                PlannedRecords.answered(name, "networks", "n1", ObserverKind.MODEL, answer));
    }
}
