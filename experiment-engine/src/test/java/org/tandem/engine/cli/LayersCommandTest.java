package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.analysis.layers.LayerSweep;
import org.tandem.analysis.layers.LayerSweep.LayerPoint;
import org.tandem.analysis.layers.LayerSweep.NetworkCurve;
import org.tandem.analysis.report.ReportFiles;

/**
 * {@code tandem layers} on the real face-api expression network and its untrained twin, reading the built-in readout
 * faces: the trained network's layers decode expressions far better than the twin's, every point has its interval, and
 * the files (page with the figure, CSV, JSON) are written; mistakes are one line.
 */
class LayersCommandTest {
    @TempDir
    Path dir;

    @Test
    void theTrainedNetworkDecodesExpressionsLayerByLayerFarBetterThanItsUntrainedTwin() throws Exception {
        Path out = dir.resolve("layers");
        CliRun run = CliRun.of("layers", "--models", "faceapi:expression", "--untrained", "--c", "1", "--bootstrap",
                "500", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        System.out.println(run.out());
        assertThat(run.out()).contains("expression readout, layer by layer: 144 images of varied-faces-readout,"
                + " 6 classes (chance 0.167)", "faceapi:expression:untrained?seed=1 (untrained)");

        LayerSweep sweep = ReportFiles.readLayers(out.resolve("layers.json")).get(0);
        assertThat(sweep.networks()).extracting(NetworkCurve::network)
                .containsExactly("faceapi:expression", "faceapi:expression:untrained?seed=1");
        NetworkCurve trained = sweep.networks().get(0);
        NetworkCurve twin = sweep.networks().get(1);
        assertThat(twin.twinOf()).isEqualTo("faceapi:expression");
        assertThat(trained.trainedFor()).isEqualTo("expression");
        assertThat(trained.points()).extracting(LayerPoint::layer)
                .containsExactly("dense0", "dense1", "dense2", "dense3", "features", "logits");
        assertThat(trained.points()).extracting(LayerPoint::relativeDepth).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(trained.points()).extracting(LayerPoint::features).containsExactly(32, 64, 128, 256, 256, 7);
        for (int k = 0; k < trained.points().size(); k++) {
            LayerPoint t = trained.points().get(k);
            LayerPoint u = twin.points().get(k);
            assertThat(t.accuracy().n()).isEqualTo(144);
            assertThat(t.accuracy().ciLow()).isLessThanOrEqualTo(t.accuracy().accuracy());
            assertThat(t.accuracy().ciHigh()).isGreaterThanOrEqualTo(t.accuracy().accuracy());
            assertThat(t.chosen()).isEqualTo("1.0, 1.0, 1.0, 1.0, 1.0, 1.0");
            if (k >= 2) {
                // from the middle of the network on, the trained layers' intervals lie above the twin's
                assertThat(t.accuracy().ciLow()).as(t.layer()).isGreaterThan(u.accuracy().ciHigh());
            }
        }
        assertThat(trained.points().get(3).accuracy().accuracy()).isGreaterThan(0.8);
        assertThat(twin.points().get(3).accuracy().accuracy()).isLessThan(0.5);

        String html = Files.readString(out.resolve("layers.html"));
        assertThat(html).contains("<h2 id=\"layers\">Layer by layer</h2>", "<svg", "relative depth",
                "faceapi:expression:untrained?seed=1 (untrained)", "chance (0.167)");
        List<String> csv = Files.readAllLines(out.resolve("layers.csv"));
        assertThat(csv).hasSize(1 + 12);
        assertThat(csv.get(0)).startsWith("task,set,network,trained_for,twin_of,layer,relative_depth");

        CliRun again = CliRun.of("layers", "--models", "faceapi:expression", "--out", out.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("already holds layers.html, layers.json and 1 more file(s); add --force");
    }

    @Test
    void bothTasksInOneRunAndTheReportShowsThem() throws Exception {
        Path out = dir.resolve("both");
        CliRun run = CliRun.of("layers", "--models", "faceapi:recognition", "--task", "expression,identity", "--c",
                "1", "--max-layers", "3", "--bootstrap", "200", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<LayerSweep> sweeps = ReportFiles.readLayers(out.resolve("layers.json"));
        assertThat(sweeps).extracting(LayerSweep::task).containsExactly("expression", "identity");
        assertThat(sweeps).extracting(LayerSweep::classes).containsExactly(6, 24);
        assertThat(sweeps.get(1).folds()).isEqualTo("6 folds by image");
        assertThat(sweeps.get(1).networks().get(0).points()).extracting(LayerPoint::layer)
                .containsExactly("conv32_down", "conv128_down", "descriptor");
        // identities are told apart far above chance (1/24) from every layer read
        assertThat(sweeps.get(1).networks().get(0).points()).allSatisfy(p ->
                assertThat(p.accuracy().ciLow()).isGreaterThan(0.3));

        Path report = dir.resolve("report");
        Path db = dir.resolve("lab.mv.db");
        // TEST-ONLY a simulated participant (kind HUMAN) stands in for a person run with tandem run
        SimulatedParticipant.store(db, "lab", "expression-6way", "P01", 1, 45);
        CliRun analyze = CliRun.of("analyze", "--db", db.toString(), "--out", report.toString(),
                "--layers", out.resolve("layers.json").toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(Files.readString(report.resolve("report.html"))).contains("P01", "expression readout</h3>",
                "identity readout</h3>", "Layer by layer");
        assertThat(Files.readAllLines(report.resolve("layers.csv"))).hasSize(1 + 2 * 3);

        CliRun notLayers = CliRun.of("analyze", "--db", db.toString(), "--out",
                dir.resolve("r2").toString(), "--layers", out.resolve("layers.csv").toString());
        assertThat(notLayers.exitCode()).isNotZero();
        assertThat(notLayers.err()).contains("is not a layer comparison written by tandem layers");
    }

    @Test
    void mistakesAreOneLine() {
        assertOneLine(CliRun.of("layers", "--models", "faceapi:expression,faceapi:recognition", "--layers", "dense0",
                "--out", dir.toString()), "--layers names layers of one network, but --models names 2");
        assertOneLine(CliRun.of("layers", "--models", "faceapi:expression", "--task", "age", "--out", dir.toString()),
                "labels 'age' is not known; use expression or identity");
        assertOneLine(CliRun.of("layers", "--models", "faceapi:expression", "--readout", "rbf-svm", "--out",
                dir.toString()), "rbf-svm is not offered here");
        assertOneLine(CliRun.of("layers", "--models", "faceapi:expression", "--c", "0", "--out", dir.toString()),
                "--c must list positive numbers");
        assertOneLine(CliRun.of("layers", "--models", "faceapi:expression", "--layers", "dense0,fc9", "--out",
                dir.resolve("x").toString()), "network faceapi:expression has no layer fc9; its block layers are dense0");
        assertOneLine(CliRun.of("layers", "--models", "nope:net", "--out", dir.resolve("y").toString()),
                "network spec 'nope:net' has no known prefix");
    }

    private static void assertOneLine(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out()).isNotZero();
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    }
}
