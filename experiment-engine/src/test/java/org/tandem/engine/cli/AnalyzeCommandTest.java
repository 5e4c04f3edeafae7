package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.analysis.confusion.ConfusionMatrix;
import org.tandem.analysis.psychometric.BinomialCounts;
import org.tandem.analysis.psychometric.FitOptions;
import org.tandem.analysis.psychometric.PsychometricFit;
import org.tandem.analysis.psychometric.PsychometricFitter;
import org.tandem.analysis.records.LevelCount;
import org.tandem.analysis.records.TrialData;
import org.tandem.data.SessionFilter;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.record.TrialRecord;

/**
 * {@code tandem analyze} on a real H2 store holding TEST-ONLY simulated participants (kind HUMAN, run through the real
 * session runner) and real face-api expression-network sessions from {@code tandem simulate}.
 */
class AnalyzeCommandTest {
    private static final String TWO_AFC = "expression-2afc-happy-sad";
    private static final String SIX_WAY = "expression-6way";
    private static final String ABX = "expression-abx";
    private static final String NETWORK = "faceapi:expression";
    private static final Path REPORT = Path.of("target", "analyze-report");

    @Test
    void theReportHasEveryObserverAndItsNumbersRecomputeFromTheStoredTrials(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("lab.mv.db");
        for (int p = 1; p <= 3; p++) {
            for (String protocol : List.of(TWO_AFC, SIX_WAY, ABX)) {
                SimulatedParticipant.store(db, "lab", protocol, "P0" + p, p, 45 + 3 * p);
            }
        }
        for (String protocol : List.of(TWO_AFC, SIX_WAY)) {
            CliRun sim = CliRun.of("simulate", protocol, "--observer", NETWORK, "--study", "lab", "--db", db.toString());
            assertThat(sim.exitCode()).as(sim.err()).isZero();
        }

        // kept in target/ to look at, so an earlier build's report is there to replace
        CliRun run = CliRun.of("analyze", "--db", db.toString(), "--study", "lab", "--out", REPORT.toString(),
                "--bootstrap", "300", "--seed", "5", "--force");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("report.html", "results.json", "fits.csv", "comparisons.csv",
                "confusion_faceapi_expression.csv");

        String html = Files.readString(REPORT.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("P01", "P02", "P03", NETWORK, "Contents", "How to read this")
                .doesNotContain("<script", "<link", "src=\"http", "href=\"http");
        assertThat(html.split("<svg", -1)).hasSize(1 + 5); // identification, shapes, 2 heat maps, ABX
        assertThat(html.split("</svg>", -1)).hasSize(1 + 5);

        JsonNode json = new ObjectMapper().readTree(REPORT.resolve("results.json").toFile());
        assertThat(json.get("study").asText()).isEqualTo("lab");
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            checkNetworkPse(json.get("protocols").get(0), store);
            checkNetworkConfusion(json.get("protocols").get(1), store);
        }
        assertThat(json.get("protocols").get(2).get("abx").get("observers").get(0).get("categoricalPerception")
                .get("boundary").asDouble()).isBetween(40.0, 60.0);

        Path again = dir.resolve("again");
        assertThat(CliRun.of("analyze", "--db", db.toString(), "--study", "lab", "--out", again.toString(),
                "--bootstrap", "300", "--seed", "5").exitCode()).isZero();
        assertThat(Files.readString(again.resolve("results.json")))
                .isEqualTo(Files.readString(REPORT.resolve("results.json")));
        assertThat(Files.readString(again.resolve("fits.csv"))).isEqualTo(Files.readString(REPORT.resolve("fits.csv")));

        CliRun unknownStudy = CliRun.of("analyze", "--db", db.toString(), "--study", "nope", "--out",
                dir.resolve("nope").toString());
        assertThat(unknownStudy.exitCode()).isEqualTo(1);
        assertThat(unknownStudy.err().strip()).doesNotContain("\n").contains("no study 'nope'", "lab");
    }

    /** The network's PSE in results.json is the fit of its recorded counts with the same options and seed. */
    private static void checkNetworkPse(JsonNode protocol, TandemStore store) {
        assertThat(protocol.get("protocolId").asText()).isEqualTo(TWO_AFC);
        JsonNode observer = ReportResults.observer(protocol.get("identification").get("observers"), NETWORK);
        Task.TwoAfc task = (Task.TwoAfc) BuiltinProtocols.resolve(TWO_AFC).read().task();
        List<LevelCount> counts = TrialData.levelCounts(networkRecords(store, TWO_AFC), task);
        PsychometricFit fit = PsychometricFitter.fit(BinomialCounts.of(
                counts.stream().mapToDouble(LevelCount::level).toArray(), counts.stream().mapToInt(LevelCount::k).toArray(),
                counts.stream().mapToInt(LevelCount::n).toArray()), FitOptions.yesNo().withBootstrap(300, 5));
        JsonNode pse = observer.get("fit").get("pse");
        assertThat(pse.get("value").asDouble()).isEqualTo(fit.pse().value());
        assertThat(pse.get("ci").get("lower").asDouble()).isEqualTo(fit.pse().ci().lower());
        assertThat(pse.get("ci").get("upper").asDouble()).isEqualTo(fit.pse().ci().upper());
        assertThat(observer.get("counts")).hasSize(21);
    }

    /** The network's confusion counts in results.json and its CSV are those of its recorded trials. */
    private static void checkNetworkConfusion(JsonNode protocol, TandemStore store) throws Exception {
        assertThat(protocol.get("protocolId").asText()).isEqualTo(SIX_WAY);
        Task.Classification task = (Task.Classification) BuiltinProtocols.resolve(SIX_WAY).read().task();
        ConfusionMatrix expected = ConfusionMatrix.of(task, TrialData.labelledResponses(networkRecords(store, SIX_WAY)));
        JsonNode counts = ReportResults.observer(protocol.get("classification").get("observers"), NETWORK).get("counts");
        List<List<Integer>> actual = new ArrayList<>();
        counts.forEach(row -> {
            List<Integer> r = new ArrayList<>();
            row.forEach(c -> r.add(c.asInt()));
            actual.add(r);
        });
        assertThat(actual).isEqualTo(expected.counts());
        List<String> csv = Files.readAllLines(REPORT.resolve("confusion_faceapi_expression.csv"));
        assertThat(csv.get(0)).isEqualTo("true_label,anger,disgust,fear,happiness,sadness,surprise");
        assertThat(csv.get(1)).isEqualTo("anger," + String.join(",",
                expected.counts().get(0).stream().map(String::valueOf).toList()));
        assertThat(protocol.get("classification").get("humans").asInt()).isEqualTo(3);
    }

    private static List<TrialRecord> networkRecords(TandemStore store, String protocol) {
        return store.trials(new SessionFilter("lab", protocol, null)).stream()
                .filter(r -> r.session().observerKind() == ObserverKind.MODEL).toList();
    }

}
