package org.tandem.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.tandem.analysis.records.PlannedRecords;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.SplitMix64;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

/**
 * The report model on real plans of the built-in protocols, answered by TEST-ONLY rules: "people" answer the two-AFC
 * task by a known psychometric function (PSE 50) with seeded noise, the six-way task with fear often read as
 * surprise, and ABX best across the category boundary; the "network" rule (PSE 40) runs the networks variants.
 */
class ReportBuilderTest {
    private static final String TWO_AFC = "expression-2afc-happy-sad";
    private static final String SIX_WAY = "expression-6way";
    private static final String ABX = "expression-abx";
    private static final List<String> PEOPLE = List.of("h1", "h2", "h3");

    @Test
    void everySectionHasItsNumbersAndTheSameInputGivesTheSameJson() throws Exception {
        ReportInput input = input();
        Report report = ReportBuilder.build(input, () -> { });

        assertThat(report.protocols()).extracting(Report.ProtocolReport::task)
                .containsExactly("two-afc", "classification", "abx");
        IdentificationSection id = report.protocols().get(0).identification();
        assertThat(id.countedLabel()).isEqualTo("happy");
        assertThat(id.observers()).extracting(IdentificationSection.IdentificationObserver::name)
                .containsExactly("P-h1", "P-h2", "P-h3", "faceapi:expression");
        assertThat(id.humanMean().participants()).isEqualTo(3);
        assertThat(id.humanMean().pooledFit().pse().value()).isCloseTo(50, within(8.0));
        IdentificationSection.IdentificationObserver net = id.observers().get(3);
        assertThat(net.counts()).hasSize(21);
        assertThat(net.fit().pse().value()).isCloseTo(40, within(5.0));
        assertThat(net.curve().psi()).hasSize(101);
        assertThat(id.pseComparison().tests()).singleElement()
                .satisfies(t -> assertThat(t.network()).isEqualTo("faceapi:expression"));

        ClassificationSection six = report.protocols().get(1).classification();
        assertThat(six.humans()).isEqualTo(3);
        int fear = six.labels().indexOf("fear");
        int surprise = six.labels().indexOf("surprise");
        assertThat(six.humanMean().values().get(fear).get(surprise)).isGreaterThan(0.2);
        assertThat(six.errorPatterns()).singleElement()
                .satisfies(c -> assertThat(c.first()).isEqualTo(ReportText.HUMAN_MEAN));
        assertThat(six.errorConsistency()).hasSize(3)
                .allSatisfy(c -> assertThat(c.consistency().matchedTrials()).isPositive());

        AbxSection abx = report.protocols().get(2).abx();
        AbxSection.AbxObserver person = abx.observers().get(0);
        assertThat(person.categoricalPerception()).isNotNull();
        assertThat(person.categoricalPerception().boundary()).isCloseTo(50, within(10.0));

        assertThat(ReportFiles.json(ReportBuilder.build(input(), () -> { }))).isEqualTo(ReportFiles.json(report));

        Path dir = Path.of("target", "report-unit");
        ReportFiles.write(report, dir, "test");
        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(count(html, "<svg")).isEqualTo(1 + 1 + 2 + 1);
        assertThat(html).contains("P-h1", "P-h2", "P-h3", "faceapi:expression", "How to read this")
                .doesNotContain("<script", "<link", "<img", "src=\"http", "href=\"http", "@import");
        assertThat(Files.readAllLines(dir.resolve("confusion_faceapi_expression.csv")).get(0))
                .isEqualTo("true_label,anger,disgust,fear,happiness,sadness,surprise");
        assertThat(Files.readString(dir.resolve(ReportFiles.FITS))).contains("faceapi:expression," + TWO_AFC + ",pse,");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static ReportInput input() {
        List<ProtocolRecords> protocols = new ArrayList<>();
        protocols.add(records(TWO_AFC, (t, seed) -> identify(t, seed, 50, 10), (t, seed) -> identify(t, seed, 40, 4)));
        protocols.add(records(SIX_WAY, ReportBuilderTest::classifyLikeAPerson,
                (t, seed) -> t.correctAnswer().equals("disgust") ? "anger" : t.correctAnswer()));
        protocols.add(records(ABX, ReportBuilderTest::discriminate, ReportBuilderTest::discriminate));
        return new ReportInput("study", "memory", protocols, 3, 200);
    }

    /** Each rule gets the trial and a seed of its own: person i draws from stream seed i, the network from 99. */
    private static ProtocolRecords records(String protocol, BiFunction<Trial, Long, String> person,
                                           BiFunction<Trial, Long, String> net) {
        List<TrialRecord> records = new ArrayList<>();
        for (String session : PEOPLE) {
            long seed = PEOPLE.indexOf(session);
            records.addAll(PlannedRecords.answered(protocol, null, session, ObserverKind.HUMAN,
                    t -> person.apply(t, seed)));
        }
        records.addAll(PlannedRecords.answered(protocol, "networks", "n1", ObserverKind.MODEL, t -> net.apply(t, 99L)));
        var p = PlannedRecords.protocol(protocol);
        return new ProtocolRecords(p, Planner.protocolSha256(p), records);
    }

    /** P("happy") = Φ((level − pse)/sd), drawn from the trial's own seeded stream. */
    private static String identify(Trial t, long seed, double pse, double sd) {
        double p = new NormalDistribution(pse, sd).cumulativeProbability(t.numericLevel("happiness"));
        return uniform(t, seed) < p ? "happy" : "sad";
    }

    private static String classifyLikeAPerson(Trial t, long seed) {
        return t.correctAnswer().equals("fear") && uniform(t, seed) < 0.4 ? "surprise" : t.correctAnswer();
    }

    private static String discriminate(Trial t, long seed) {
        double a = t.numericLevel("happiness_a");
        double b = t.numericLevel("happiness_b");
        boolean across = Math.min(a, b) < 50 && Math.max(a, b) > 50;
        boolean right = uniform(t, seed) < (across ? 0.95 : 0.6);
        return right ? t.correctAnswer() : t.correctAnswer().equals("A") ? "B" : "A";
    }

    private static double uniform(Trial t, long seed) {
        return (SplitMix64.stream(seed, t.index()).nextLong() >>> 11) * 0x1.0p-53;
    }
}
