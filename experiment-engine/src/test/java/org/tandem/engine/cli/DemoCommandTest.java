package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.analysis.psychometric.BinomialCounts;
import org.tandem.analysis.psychometric.FitOptions;
import org.tandem.analysis.psychometric.PsychometricFit;
import org.tandem.analysis.psychometric.PsychometricFitter;

/**
 * The main job end to end: the demo runs the built-in study on the three networks with the real weights, writes the report
 * and prints the summary; the report's numbers are recomputed from the trials as {@code tandem export} writes them.
 */
class DemoCommandTest {
    private static final List<String> SIX_LABELS = List.of("anger", "disgust", "fear", "happiness", "sadness", "surprise");

    @Test
    void theDemoReportsNumbersThatRecomputeFromTheExportedTrials(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("demo.mv.db");
        Path out = dir.resolve("demo");
        CliRun demo = CliRun.of("demo", "--db", db.toString(), "--out", out.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Two-AFC PSE", "Six-way accuracy", "Kendall τ between error patterns",
                "ABX accuracy", "Report: ", "no people's sessions of these protocols");
        for (String network : List.of("expression network", "identity network", "untrained twin")) {
            assertThat(demo.out()).contains(network);
        }
        Path report = out.resolve("report");
        assertThat(Files.readString(report.resolve("report.html"))).contains("<svg", "identity network");
        JsonNode results = new ObjectMapper().readTree(report.resolve("results.json").toFile());

        CliRun export = CliRun.of("export", "--db", db.toString(), "--out", dir.resolve("export").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<CSVRecord> trials = read(dir.resolve("export").resolve("trials.csv"));

        JsonNode expression = ReportResults.observer(
                ReportResults.section(results, "expression-2afc-happy-sad", "identification").get("observers"),
                "expression network");
        PsychometricFit refit = PsychometricFitter.fit(happyCounts(trials, "faceapi:expression"),
                FitOptions.yesNo().withBootstrap(results.get("bootstrap").asInt(), results.get("seed").asLong()));
        JsonNode pse = expression.get("fit").get("pse");
        assertThat(pse.get("value").asDouble()).isEqualTo(refit.pse().value());
        assertThat(pse.get("ci").get("lower").asDouble()).isEqualTo(refit.pse().ci().lower());
        assertThat(pse.get("ci").get("upper").asDouble()).isEqualTo(refit.pse().ci().upper());

        JsonNode identity = ReportResults.observer(
                ReportResults.section(results, "expression-6way", "classification").get("observers"), "identity network");
        List<List<Integer>> stored = new ArrayList<>();
        identity.get("counts").forEach(row -> {
            List<Integer> r = new ArrayList<>();
            row.forEach(c -> r.add(c.asInt()));
            stored.add(r);
        });
        assertThat(stored).isEqualTo(confusion(trials, "faceapi:recognition?readout=logistic"));

        // the demo knows its own folder by its README.txt, so a rerun needs no --force
        assertThat(Files.readAllLines(out.resolve("README.txt")).get(0)).contains("written by `tandem demo`");
        CliRun again = CliRun.of("demo", "--db", db.toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("(stored earlier)").doesNotContain("(run now)");
    }

    @Test
    void peopleTestedAtAStationAppearInTheDemoReportNextToTheNetworks(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("lab.mv.db");
        for (int p = 1; p <= 3; p++) {
            for (String protocol : List.of("expression-2afc-happy-sad", "expression-6way", "expression-abx")) {
                // TEST-ONLY simulated participants (kind HUMAN) stand in for people run with tandem run
                SimulatedParticipant.store(db, "lab", protocol, "P0" + p, p, 45 + 3 * p);
            }
        }
        Path out = dir.resolve("demo");
        CliRun demo = CliRun.of("demo", "--db", db.toString(), "--out", out.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("with 9 people's session(s) of these protocols", "people (3)");
        JsonNode results = new ObjectMapper().readTree(out.resolve("report").resolve("results.json").toFile());
        JsonNode twoAfc = ReportResults.section(results, "expression-2afc-happy-sad", "identification");
        assertThat(twoAfc.get("pseComparison").get("humans").asInt()).isEqualTo(3);
        assertThat(twoAfc.get("pseComparison").get("tests")).hasSize(3);
        assertThat(ReportResults.observer(ReportResults.section(results, "expression-6way", "classification")
                .get("observers"), "P02").get("kind").asText())
                .isEqualTo("human");
    }

    /** Per level of happiness, how often the network answered "happy", from the exported rows. */
    private static BinomialCounts happyCounts(List<CSVRecord> trials, String observerId) {
        Map<Double, int[]> byLevel = new TreeMap<>();
        for (CSVRecord t : trials) {
            if (t.get("protocol_id").equals("expression-2afc-happy-sad") && t.get("observer_id").equals(observerId)
                    && t.get("practice").equals("false")) {
                int[] kn = byLevel.computeIfAbsent(Double.parseDouble(t.get("level_happiness")), l -> new int[2]);
                kn[0] += t.get("response").equals("happy") ? 1 : 0;
                kn[1]++;
            }
        }
        double[] levels = byLevel.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        return BinomialCounts.of(levels, byLevel.values().stream().mapToInt(kn -> kn[0]).toArray(),
                byLevel.values().stream().mapToInt(kn -> kn[1]).toArray());
    }

    /** Rows true label, columns response, from the exported rows of the six-way protocol. */
    private static List<List<Integer>> confusion(List<CSVRecord> trials, String observerId) {
        int[][] counts = new int[SIX_LABELS.size()][SIX_LABELS.size()];
        for (CSVRecord t : trials) {
            if (t.get("protocol_id").equals("expression-6way") && t.get("observer_id").equals(observerId)
                    && t.get("practice").equals("false")) {
                counts[SIX_LABELS.indexOf(t.get("correct_answer"))][SIX_LABELS.indexOf(t.get("response"))]++;
            }
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : counts) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return rows;
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }
}
