package org.tandem.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.records.PlannedRecords;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;

/**
 * A network that makes no errors (TEST-ONLY rules: it always gives the correct answer) next to people who confuse
 * fear with surprise on every third fear trial: its accuracy is at ceiling, its κ and τ with the people are undefined,
 * and with one identification continuum the curve-shape test has too few continua. Each must appear as a flag, not a
 * plain number, in report.html and results.json.
 */
class CeilingReportTest {
    private static final String NET = "faceapi:expression";

    @Test
    void aCeilingObserverIsFlaggedInTheHtmlAndTheJson() throws Exception {
        Report report = ReportBuilder.build(new ReportInput("study", "memory", List.of(
                records("expression-6way", t -> t.correctAnswer().equals("fear") && t.index() % 3 == 0 ? "surprise"
                        : t.correctAnswer(), Trial::correctAnswer),
                records("expression-2afc-happy-sad", t -> t.numericLevel("happiness") >= 50 ? "happy" : "sad",
                        t -> t.numericLevel("happiness") >= 60 ? "happy" : "sad"),
                records("expression-abx", Trial::correctAnswer, Trial::correctAnswer)), 1, 100), () -> { });

        List<Flag> six = report.protocols().get(0).flags();
        assertThat(six).anySatisfy(f -> {
            assertThat(f.observer()).isEqualTo(NET);
            assertThat(f.statistic()).isEqualTo(Flag.ACCURACY);
            assertThat(f.kind()).isEqualTo(Flag.Kind.CEILING);
            assertThat(f.note()).startsWith("every trial right (");
        });
        assertThat(six).filteredOn(f -> f.kind() == Flag.Kind.UNDEFINED && f.statistic().startsWith("κ with"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.note()).contains("always right", "kappa is undefined"));
        assertThat(six).anySatisfy(f -> {
            assertThat(f.statistic()).isEqualTo("τ with " + NET);
            assertThat(f.kind()).isEqualTo(Flag.Kind.UNDEFINED);
        });
        // the people err, so their accuracy is not flagged
        assertThat(six).noneMatch(f -> !f.observer().equals(NET) && f.statistic().equals(Flag.ACCURACY));
        assertThat(report.protocols().get(2).flags()).anySatisfy(f -> {
            assertThat(f.observer()).isEqualTo(NET);
            assertThat(f.kind()).isEqualTo(Flag.Kind.CEILING);
            assertThat(f.statistic()).isEqualTo(Flag.PAIRS);
        });
        // the people's step at 50 puts every bootstrap PSE on the same value: an interval of no width
        assertThat(report.protocols().get(1).flags()).anySatisfy(f -> {
            assertThat(f.statistic()).isEqualTo(Flag.PSE);
            assertThat(f.kind()).isEqualTo(Flag.Kind.DEGENERATE);
        });
        // every person's PSE is the same, so the t-test against the network has no standard error
        assertThat(report.protocols().get(1).flags()).anySatisfy(f -> {
            assertThat(f.statistic()).isEqualTo(Flag.PSE_TEST);
            assertThat(f.note()).isEqualTo("the human PSEs do not vary, so the t statistic is undefined");
        });
        // every pair right: observed accuracy is constant, so its correlation with the prediction is undefined
        assertThat(report.protocols().get(2).flags()).anySatisfy(f -> {
            assertThat(f.observer()).isEqualTo(NET);
            assertThat(f.statistic()).isEqualTo(Flag.PREDICTION);
            assertThat(f.kind()).isEqualTo(Flag.Kind.UNDEFINED);
        });
        PairInterval perfect = report.protocols().get(2).abx().observers().stream()
                .filter(o -> o.name().equals(NET)).findFirst().orElseThrow().intervals().get(0);
        assertThat(perfect.accuracy()).isEqualTo(1.0);
        assertThat(perfect.ciHigh()).isEqualTo(1.0);
        assertThat(perfect.ciLow()).isLessThan(1.0);
        assertThat(report.shapeComparisons()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.logisticVsLinear()).isNull();
            assertThat(c.flag().kind()).isEqualTo(Flag.Kind.TOO_FEW);
        });

        Path dir = Path.of("target", "report-ceiling");
        ReportFiles.write(report, dir, "test");
        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).contains("Flagged statistics", "⚑ ceiling", "⚑ undefined", "⚑ too few", "⚑ degenerate",
                "Identification-curve shapes across continua", "Wilson");
        String json = Files.readString(dir.resolve(ReportFiles.JSON));
        assertThat(json).contains("\"kind\" : \"CEILING\"", "\"kind\" : \"UNDEFINED\"", "\"kind\" : \"TOO_FEW\"",
                "\"shapeComparisons\"", "\"ciLow\"");
    }

    private static ProtocolRecords records(String name, Function<Trial, String> person, Function<Trial, String> net) {
        List<org.tandem.protocols.record.TrialRecord> records = new ArrayList<>();
        for (String session : List.of("h1", "h2")) {
            records.addAll(PlannedRecords.answered(name, null, session, ObserverKind.HUMAN, person));
        }
        records.addAll(PlannedRecords.answered(name, "networks", "n1", ObserverKind.MODEL, net));
        Protocol protocol = PlannedRecords.protocol(name);
        return new ProtocolRecords(protocol, Planner.protocolSha256(protocol), records);
    }
}
