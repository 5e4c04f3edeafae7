package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The networks' insides against people: {@code tandem rsa} on the real expression network and its twin, a decoder of
 * the expression-selective units answering the six-way protocol, and {@code tandem analyze --rsa} comparing the RDMs
 * with simulated participants' confusions (a real H2 file; ρ recomputed here from the report's own matrices).
 */
class InsideNetworksCommandTest {
    @TempDir
    Path dir;

    @Test
    void rdmsAreComparedWithPeoplesConfusionsAndAUnitPopulationAnswersTheProtocol() throws Exception {
        Path rsa = dir.resolve("rsa");
        CliRun rdms = CliRun.of("rsa", "--model", "faceapi:expression", "--untrained", "--layers", "dense2,features",
                "--permutations", "200", "--out", rsa.toString());
        assertThat(rdms.exitCode()).as(rdms.err()).isZero();
        assertThat(rdms.out()).contains("same expression", "faceapi:expression:untrained?seed=1 (untrained)");
        JsonNode study = new ObjectMapper().readTree(rsa.resolve("rsa.json").toFile());
        JsonNode trainedFeatures = study.get("layers").get(1);
        JsonNode twinFeatures = study.get("layers").get(3);
        // the trained network's images fall together by expression, the twin's do not
        assertThat(fit(trainedFeatures, "same expression").get("tauA").asDouble()).isGreaterThan(0.1);
        assertThat(fit(trainedFeatures, "same expression").get("p").asDouble()).isLessThan(0.01);
        assertThat(fit(twinFeatures, "same expression").get("tauA").asDouble()).isLessThan(0.05);
        assertThat(Files.readString(rsa.resolve("rsa.html"))).contains("Image RDMs against model RDMs", "<svg");

        Path db = dir.resolve("inside.mv.db");
        for (int p = 1; p <= 3; p++) {
            // TEST-ONLY simulated participants (kind HUMAN) stand in for people run with tandem run
            SimulatedParticipant.store(db, "lab", "expression-6way", "P0" + p, p, 50);
        }
        String population = "faceapi:expression?layer=dense3&units=expression-selective";
        CliRun decoder = CliRun.of("simulate", "expression-6way", "--observer", population, "--db", db.toString());
        assertThat(decoder.exitCode()).as(decoder.err()).isZero();
        assertThat(decoder.out()).contains("with faceapi:expression?layer=dense3&units=expression-selective&readout=svm");
        assertThat(decoder.accuracy()).isGreaterThan(0.5);

        Path out = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", "--db", db.toString(), "--rsa", rsa.resolve("rsa.json").toString(),
                "--out", out.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode people = results.get("rsa").get("people").get(0);
        assertThat(people.get("people").asText()).isEqualTo("people tested");
        assertThat(people.get("participants").asInt()).isEqualTo(3);
        assertThat(people.get("ceiling").get("lower").asDouble())
                .isLessThanOrEqualTo(people.get("ceiling").get("upper").asDouble());

        // ρ again, from the matrices the report and rsa.json hold: people's confusion RDMs averaged, against each layer
        JsonNode section = ReportResults.section(results, "expression-6way", "classification");
        List<String> expressions = strings(people.get("expressions"));
        List<String> labels = strings(section.get("labels"));
        List<String> labelExpressions = List.of("angry", "disgusted", "fearful", "happy", "sad", "surprised");
        double[][] mean = new double[6][6];
        for (String code : List.of("P01", "P02", "P03")) {
            JsonNode counts = ReportResults.observer(section.get("observers"), code).get("counts");
            double[][] d = new double[6][6];
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    d[i][j] = i == j ? 0 : 1 - (share(counts, i, j) + share(counts, j, i)) / 2;
                }
            }
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    int i = labelExpressions.indexOf(expressions.get(a));
                    int j = labelExpressions.indexOf(expressions.get(b));
                    mean[a][b] += d[i][j] / 3;
                }
            }
        }
        assertThat(labels).hasSize(6);
        JsonNode layers = people.get("layers");
        assertThat(layers).hasSize(4);
        for (int k = 0; k < 4; k++) {
            double[][] network = matrix(study.get("layers").get(k).get("expressionRdm"));
            assertThat(layers.get(k).get("rho").asDouble()).as(layers.get(k).get("layer").asText())
                    .isCloseTo(spearman(upper(network), upper(mean)), offset(1e-12));
            assertThat(layers.get(k).get("permutations").asLong()).isEqualTo(720);
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("Representational similarity",
                "Networks and people tested: expression-6way", "noise ceiling");
    }

    private static JsonNode fit(JsonNode layer, String model) {
        for (JsonNode f : layer.get("models")) {
            if (f.get("model").asText().equals(model)) {
                return f;
            }
        }
        throw new AssertionError("no model " + model);
    }

    private static double share(JsonNode counts, int row, int column) {
        double total = 0;
        for (JsonNode c : counts.get(row)) {
            total += c.asDouble();
        }
        return counts.get(row).get(column).asDouble() / total;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            m[i] = new double[rows.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return m;
    }

    private static double[] upper(double[][] m) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                out.add(m[i][j]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Pearson's r of average ranks. */
    private static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElseThrow();
        double my = Arrays.stream(ry).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        return Arrays.stream(v).map(a -> {
            long below = Arrays.stream(v).filter(b -> b < a).count();
            long equal = Arrays.stream(v).filter(b -> b == a).count();
            return below + (equal + 1) / 2.0;
        }).toArray();
    }
}
