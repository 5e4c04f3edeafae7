package org.tandem.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.compare.PseComparison.NetworkPseTest;
import org.tandem.analysis.records.PlannedRecords;
import org.tandem.analysis.report.MaskSection.Shift;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.SplitMix64;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

/**
 * The "PSE shifts by mask" section on the real plans of the built-in masked protocols, answered by TEST-ONLY rules with
 * known PSEs: four people whose boundary moves +8 with the eyes masked and not with the nose; a network at 40 unmasked
 * and with the eyes masked, 65 with the nose masked, and never "happy" with the mouth masked; only one person answered
 * the mouth-masked protocol.
 */
class MaskReportTest {
    private static final String BASELINE = "expression-2afc-happy-sad";
    private static final List<String> PEOPLE = List.of("h1", "h2", "h3", "h4");

    @Test
    void eachObserversShiftAndPeopleAgainstEachNetworkPerMaskWithUndefinedOnesFlagged() throws Exception {
        List<ProtocolRecords> protocols = new ArrayList<>();
        protocols.add(records(BASELINE, PEOPLE, 50, 40.0));
        protocols.add(records(BASELINE + "-mask-eyes", PEOPLE, 58, 40.0));
        protocols.add(records(BASELINE + "-mask-nose", PEOPLE, 50, 65.0));
        protocols.add(records(BASELINE + "-mask-mouth", List.of("h1"), 50, null));
        Report report = ReportBuilder.build(new ReportInput("study", "memory", protocols, 3, 200), () -> { });

        MaskSection masks = report.masks();
        assertThat(masks.conditions()).containsExactly("eyes", "nose", "mouth");
        // each condition: people's mean shift, then every observer's
        assertThat(masks.shifts()).hasSize(6 + 6 + 3);
        MaskSection.Shift mean = masks.shifts().get(0);
        assertThat(mean.observer()).isEqualTo("humans (mean), 4 of 4");
        double[] each = masks.shifts().subList(1, 5).stream().mapToDouble(s -> s.change().change()).toArray();
        assertThat(mean.change().change()).isCloseTo(java.util.Arrays.stream(each).average().orElseThrow(),
                org.assertj.core.api.Assertions.within(1e-12));
        // scipy.stats.t.interval(0.95, 3, loc=mean, scale=sd/sqrt(4)) on the same four shifts
        double sd = Math.sqrt(java.util.Arrays.stream(each).map(v -> (v - mean.change().change())
                * (v - mean.change().change())).sum() / 3);
        assertThat(mean.change().ciHigh() - mean.change().change()).isCloseTo(3.182446305284263 * sd / 2,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(masks.shifts().get(12).change().interval()).isEqualTo("none: a t interval needs two or more"
                + " people's shifts");
        for (String person : List.of("P-h1", "P-h2", "P-h3", "P-h4")) {
            Shift eyes = shift(masks, "eyes", person);
            assertThat(eyes.change().change()).as(person).isCloseTo(8, within(6.0));
            assertThat(eyes.change().interval()).isEqualTo(EstimateChange.QUADRATURE);
            assertThat(eyes.change().ciLow()).isLessThan(eyes.change().change());
            assertThat(eyes.baselinePse().value()).isCloseTo(50, within(6.0));
        }
        Shift netNose = shift(masks, "nose", "faceapi:expression");
        assertThat(netNose.change().change()).isCloseTo(25, within(4.0));
        assertThat(netNose.change().ciLow()).isPositive();
        // never "happy": no PSE, so no shift; the reason is given, not a number
        Shift netMouth = shift(masks, "mouth", "faceapi:expression");
        assertThat(netMouth.pse().value()).isNull();
        assertThat(netMouth.change().change()).isNull();
        assertThat(netMouth.note()).contains(BASELINE + "-mask-mouth");
        assertThat(netMouth.plain()).isFalse();

        // eyes and nose: one network each against four people; mouth: one participant, no test
        assertThat(masks.testsShown()).isEqualTo(2);
        NetworkPseTest eyesTest = masks.tests().get(0).comparison().tests().get(0);
        assertThat(eyesTest.df()).isEqualTo(3);
        assertThat(eyesTest.pBonferroni()).isCloseTo(Math.min(1, 2 * eyesTest.p()), within(1e-12));
        assertThat(eyesTest.differs()).isTrue();
        assertThat(masks.tests().get(2).note()).isEqualTo("needs at least 2 human PSEs, got 1");
        assertThat(masks.tests().get(2).comparison().tests()).allSatisfy(t -> assertThat(t.t()).isNull());

        Path dir = Path.of("target", "report-masks");
        ReportFiles.write(report, dir, "test");
        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).contains("<h2 id=\"masks\">PSE shifts by mask</h2>", "PSE by mask, per observer",
                "People's PSEs against each network's, per mask", "p × 2 (Bonferroni)", "⚑ undefined",
                "needs at least 2 human PSEs, got 1");
        List<String> csv = Files.readAllLines(dir.resolve(ReportFiles.MASK_SHIFTS));
        assertThat(csv.get(0)).startsWith("row,mask,protocol,baseline,observer,kind,pse_baseline,pse,shift,ci_low");
        assertThat(csv).filteredOn(l -> l.startsWith("shift,")).hasSize(15);
        assertThat(csv).filteredOn(l -> l.startsWith("test,")).hasSize(3);
        assertThat(ReportFiles.json(report)).contains("\"masks\"").contains("\"testsShown\" : 2");
    }

    @Test
    void aReportWithoutAProtocolThatNamesABaselineHasNoMaskSection() {
        Report report = ReportBuilder.build(new ReportInput("study", "memory",
                List.of(records(BASELINE, PEOPLE, 50, 40.0)), 3, 0), () -> { });
        assertThat(report.masks()).isNull();
    }

    @Test
    void aMaskedProtocolWhoseBaselineNobodyAnsweredIsNamedUnpaired() {
        Report report = ReportBuilder.build(new ReportInput("study", "memory",
                List.of(records(BASELINE + "-mask-eyes", PEOPLE, 50, 40.0)), 3, 0), () -> { });
        assertThat(report.masks().shifts()).isEmpty();
        assertThat(report.masks().notes()).singleElement().asString().contains("names " + BASELINE);
    }

    private static Shift shift(MaskSection masks, String condition, String observer) {
        return masks.shifts().stream().filter(s -> s.condition().equals(condition) && s.observer().equals(observer))
                .findFirst().orElseThrow();
    }

    /** People answer with PSE {@code peoplePse} (SD 10), the network with {@code networkPse} (SD 4; null: never happy). */
    private static ProtocolRecords records(String protocol, List<String> people, double peoplePse, Double networkPse) {
        List<TrialRecord> records = new ArrayList<>();
        for (String session : people) {
            long seed = PEOPLE.indexOf(session);
            records.addAll(PlannedRecords.answered(protocol, null, session, ObserverKind.HUMAN,
                    t -> identify(t, seed, peoplePse, 10)));
        }
        records.addAll(PlannedRecords.answered(protocol, "networks", "n1", ObserverKind.MODEL,
                t -> networkPse == null ? "sad" : identify(t, 99, networkPse, 4)));
        var p = PlannedRecords.protocol(protocol);
        return new ProtocolRecords(p, Planner.protocolSha256(p), records);
    }

    private static String identify(Trial t, long seed, double pse, double sd) {
        double p = new NormalDistribution(pse, sd).cumulativeProbability(t.numericLevel("happiness"));
        return (SplitMix64.stream(seed, t.index()).nextLong() >>> 11) * 0x1.0p-53 < p ? "happy" : "sad";
    }
}
