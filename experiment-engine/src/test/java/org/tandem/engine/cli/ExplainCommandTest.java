package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.explain.ExplainImage;
import org.tandem.engine.explain.ExplainImages;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.human.HumanNetwork;

/**
 * {@code tandem explain} on the real expression network and its untrained twin over built-in faces: every file it
 * promises, the shares in region-shares.csv recomputed here from maps.npy and the faces' own regions, the report
 * section through {@code tandem analyze --explain}, and one clear line for each kind of bad input.
 */
class ExplainCommandTest {
    @TempDir
    Path dir;

    @Test
    void mapsTheExpressionNetworkAndItsTwinAndCountsTheMassInEachRegion() throws Exception {
        Path out = dir.resolve("explain");
        CliRun run = CliRun.of("explain", "--model", "faceapi:expression", "--set", "builtin", "--identities", "2",
                "--bootstrap", "200", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("gradcam maps of 12 images of varied-faces",
                "faceapi:expression (expression), layer dense3, its own outputs (logits), explaining the predicted class",
                "faceapi:expression:untrained?seed=1 (untrained)");
        Path maps = out.resolve("maps").resolve("faceapi-expression");
        for (String f : List.of("maps.npy", "maps.csv", "contact-sheet.png", "overlays/01-happy.png")) {
            assertThat(maps.resolve(f)).isNotEmptyFile();
        }
        assertThat(out.resolve("maps/faceapi-expression-untrained-seed-1/maps.npy")).isNotEmptyFile();

        // the first image's shares, recomputed from the raw map and the face's regions in the network's input
        float[][] npy = readNpy(maps.resolve("maps.npy"), 12, 112);
        List<ExplainImage> images = ExplainImages.builtIn("varied-faces", List.of("01", "02"));
        List<String> csv = Files.readAllLines(out.resolve(ExplainCommand.SHARES));
        assertThat(csv.get(0)).isEqualTo("network,image,identity,expression,target,predicted,eyes,nose,mouth");
        assertThat(csv).hasSize(1 + 2 * 12);
        for (int i : new int[] {0, 7}) {
            ExplainImage image = images.get(i);
            String[] row = csv.get(1 + i).split(",");
            assertThat(row[0]).isEqualTo("faceapi:expression");
            assertThat(row[1]).isEqualTo(image.name());
            assertSharesOf(npy[i], image, InputGeometry.faceApi(image.crop().width(), image.crop().height(), 112),
                    row);
        }

        JsonNode study = new ObjectMapper().readTree(out.resolve("explain.json").toFile());
        assertThat(study.get("regionSource").asText()).isEqualTo("the built-in faces' own geometry");
        JsonNode trained = study.get("networks").get(0);
        assertThat(trained.get("groups").get(0).get("group").asText()).isEqualTo("all");
        assertThat(trained.get("groups")).hasSize(7);
        assertThat(trained.get("examples")).hasSize(6);
        // the trained network puts more of its evidence on the eyes than their share of the pixels
        JsonNode eyes = trained.get("groups").get(0).get("regions").get(0);
        assertThat(eyes.get("lower").asDouble()).isGreaterThan(trained.get("areaShares").get(0).get("mean").asDouble());
        assertThat(Files.readString(out.resolve("explain.html"))).contains("Where networks look", "<svg",
                "data:image/png;base64,");

        Path db = dir.resolve("lab.mv.db");
        // TEST-ONLY simulated participant (kind HUMAN) stands in for a person run with tandem run
        SimulatedParticipant.store(db, "lab", "expression-6way", "P01", 1, 10);
        Path report = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", "--db", db.toString(), "--explain",
                out.resolve("explain.json").toString(), "--out", report.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(Files.readString(report.resolve("report.html"))).contains("id=\"looks\"", "Where networks look",
                "faceapi:expression:untrained?seed=1");
    }

    @Test
    void imageFilesGetTheirRegionsFromTheLandmarkNetworkOrNone() throws Exception {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        List<ExplainImage> faces = ExplainImages.builtIn("varied-faces", List.of("05"));
        org.tandem.stimuli.io.RasterFiles.writePng(faces.get(3).crop(), a);
        org.tandem.stimuli.io.RasterFiles.writePng(faces.get(4).crop(), b);
        Path out = dir.resolve("files");
        CliRun run = CliRun.of("explain", "--model", "faceapi:expression", "--image", a.toString(), b.toString(),
                "--method", "layercam", "--layer", "dense2", "--target", "happy", "--no-baseline", "--regions", "none",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("layercam maps of 2 images of image files", "layer dense2, its own outputs (logits), explaining"
                + " the happy class", "face regions unknown for these images: maps only");
        assertThat(out.resolve("maps/faceapi-expression/overlays/a.png")).isNotEmptyFile();
        // no identity, expression or region shares for a bare file; the target is the class asked for
        assertThat(Files.readAllLines(out.resolve(ExplainCommand.SHARES)).get(1)).matches("faceapi:expression,a,,,happy,[a-z]+,,,");
        assertThat(Files.readString(out.resolve("explain.html"))).contains("is not known for these images");

        Path placed = dir.resolve("placed");
        CliRun landmarks = CliRun.of("explain", "--model", "faceapi:expression", "--image", a.toString(), b.toString(),
                "--no-baseline", "--out", placed.toString());
        assertThat(landmarks.exitCode()).as(landmarks.err()).isZero();
        assertThat(landmarks.out()).contains("eyes ", "mouth ").doesNotContain("face regions unknown");
        assertThat(Files.readAllLines(placed.resolve(ExplainCommand.SHARES)).get(1))
                .matches("faceapi:expression,a,,,[a-z]+,[a-z]+,0\\.[0-9E-]+,0\\.[0-9E-]+,0\\.[0-9E-]+");
        assertThat(new ObjectMapper().readTree(placed.resolve("explain.json").toFile()).get("regionSource").asText())
                .isEqualTo("face-api's 68 landmarks");
    }

    @Test
    void aNetworkWithoutExpressionOutputsIsExplainedThroughItsLinearReadout() throws Exception {
        Path out = dir.resolve("readout");
        CliRun run = explainOneIdentity(out, "--model", "faceapi:recognition", "--readout", "svm");
        assertThat(run.out()).contains("faceapi:recognition (identity), layer conv256_down_out, svm readout of"
                + " descriptor, explaining the predicted class");
        JsonNode network = new ObjectMapper().readTree(out.resolve("explain.json").toFile()).get("networks").get(0);
        assertThat(network.get("scores").asText()).isEqualTo("svm readout of descriptor");
        // the readout's classes are the six expressions, so every answer is one of them
        for (String line : Files.readAllLines(out.resolve(ExplainCommand.SHARES)).subList(1, 7)) {
            assertThat(line.split(",")[5]).isIn("angry", "disgusted", "fearful", "happy", "sad", "surprised");
        }
    }

    @Test
    void aHumanModelsGraphIsMappedThroughItsOwnLogits() throws Exception {
        Path out = dir.resolve("human");
        CliRun run = explainOneIdentity(out, "--model", "human:emotion");
        assertThat(run.out()).contains("human:emotion", "layer StatefulPartitionedCall/model_1/add_2/add");
        Path maps = out.resolve("maps").resolve("human-emotion");
        for (String f : List.of("maps.npy", "maps.csv", "contact-sheet.png", "overlays/01-happy.png")) {
            assertThat(maps.resolve(f)).isNotEmptyFile();
        }
        // the emotion network's 64 x 64 input, and every image's shares in [0, 1] over the three regions
        float[][] npy = readNpy(maps.resolve("maps.npy"), 6, 64);
        assertThat(npy[0]).isNotEmpty();
        List<String> csv = Files.readAllLines(out.resolve(ExplainCommand.SHARES));
        assertThat(csv).hasSize(1 + 6);
        for (String line : csv.subList(1, 7)) {
            String[] row = line.split(",");
            assertThat(row[0]).isEqualTo("human:emotion");
            assertThat(row[5]).isIn("angry", "disgusted", "fearful", "happy", "sad", "surprised", "neutral");
            for (int r = 6; r < 9; r++) {
                assertThat(Double.parseDouble(row[r])).isBetween(0.0, 1.0);
            }
        }
        // the first image's shares recomputed from its raw map and its regions in the network's input
        ExplainImage first = ExplainImages.builtIn("varied-faces", List.of("01")).get(0);
        try (HumanNetwork network = HumanNetwork.open("human:emotion")) {
            assertSharesOf(npy[0], first, network.inputGeometry(first.crop().width(), first.crop().height()),
                    csv.get(1).split(","));
        }
    }

    /** The row's eyes, nose and mouth shares are the map's mass in the image's regions over its whole mass. */
    private static void assertSharesOf(float[] map, ExplainImage image, InputGeometry geometry, String[] row) {
        double total = 0;
        for (float v : map) {
            total += v;
        }
        for (int r = 0; r < 3; r++) {
            boolean[] inside = image.regionMask(ExplainImages.REGIONS.get(r), geometry);
            double mass = 0;
            for (int p = 0; p < inside.length; p++) {
                mass += inside[p] ? map[p] : 0;
            }
            assertThat(Double.parseDouble(row[6 + r])).isCloseTo(mass / total, offset(1e-6));
        }
    }

    /** {@code tandem explain} of one identity's six faces, without twins, into {@code out}; it must succeed. */
    private static CliRun explainOneIdentity(Path out, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("explain", "--identities", "1", "--no-baseline",
                "--bootstrap", "100", "--out", out.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void aHumanModelsGraphWithoutClassOutputsIsMappedThroughAReadout() throws Exception {
        Path out = dir.resolve("gear");
        CliRun run = explainOneIdentity(out, "--model", "human:gear", "--readout", "svm");
        assertThat(run.out()).contains("human:gear", "layer StatefulPartitionedCall/model_1/max_pooling2d_5/MaxPool",
                "svm readout of");
        assertThat(readNpy(out.resolve("maps/human-gear/maps.npy"), 6, 198)).hasNumberOfRows(6);
        assertThat(Files.readAllLines(out.resolve(ExplainCommand.SHARES))).hasSize(1 + 6);
    }

    @Test
    void aZooArchitectureControlIsMappedThroughAReadout() throws Exception {
        Path out = dir.resolve("zoo");
        CliRun run = explainOneIdentity(out, "--model", "zoo:resnet18", "--readout", "svm");
        assertThat(run.out()).contains("zoo:resnet18", "svm readout of");
        assertThat(readNpy(out.resolve("maps/zoo-resnet18/maps.npy"), 6, 224)).hasNumberOfRows(6);
        List<String> rows = Files.readAllLines(out.resolve(ExplainCommand.SHARES));
        assertThat(rows).hasSize(1 + 6);
        assertThat(rows.get(1)).matches("zoo:resnet18,01-angry,01,angry,[a-z]+,[a-z]+,0\\.[0-9E-]+,0\\.[0-9E-]+,"
                + "0\\.[0-9E-]+");
    }

    @Test
    void aLesionedNetworkIsMappedWithItsLesionInThePass() throws Exception {
        Path out = dir.resolve("lesion");
        String lesioned = "faceapi:expression?lesion=expression-selective&layer=dense3";
        explainOneIdentity(out, "--model", lesioned + ",faceapi:expression");
        JsonNode networks = new ObjectMapper().readTree(out.resolve("explain.json").toFile()).get("networks");
        assertThat(networks.get(0).get("trainedFor").asText()).isEqualTo("expression, lesioned");
        // the silenced units are the mapped layer's own: the lesioned network's maps are not the intact one's
        float[][] silenced = readNpy(out.resolve("maps/faceapi-expression-lesion-expression-selective-layer-dense3"
                + "/maps.npy"), 6, 112);
        float[][] intact = readNpy(out.resolve("maps/faceapi-expression/maps.npy"), 6, 112);
        assertThat(silenced[0]).isNotEqualTo(intact[0]);
    }

    @Test
    void badInputGetsOneClearLine() {
        Path out = dir.resolve("bad");
        CliRun target = CliRun.of("explain", "--model", "faceapi:expression", "--identities", "1", "--no-baseline",
                "--target", "bored", "--out", out.toString());
        assertThat(target.exitCode()).isNotZero();
        assertThat(target.err().strip()).isEqualTo("tandem: --target bored: faceapi:expression has no such class; its"
                + " classes are neutral, happy, sad, angry, fearful, disgusted, surprised, or give predicted or shown");
        CliRun noClasses = CliRun.of("explain", "--model", "faceapi:recognition", "--identities", "1",
                "--no-baseline", "--out", out.toString());
        assertThat(noClasses.exitCode()).isNotZero();
        assertThat(noClasses.err()).contains("faceapi:recognition has no class outputs of its own");
        CliRun linearOnly = CliRun.of("explain", "--model", "faceapi:recognition", "--readout", "rbf-svm",
                "--identities", "1", "--no-baseline", "--out", out.toString());
        assertThat(linearOnly.err().strip()).isEqualTo("tandem: --readout rbf-svm: maps need a linear readout (logistic,"
                + " logistic-ovr or svm)");
        CliRun layer = CliRun.of("explain", "--model", "faceapi:expression", "--identities", "1", "--no-baseline",
                "--layer", "features", "--out", out.toString());
        assertThat(layer.exitCode()).isNotZero();
        assertThat(layer.err()).contains("no spatial layer 'features' to map; its layers with maps are dense0, dense1,"
                + " dense2, dense3");
        CliRun method = CliRun.of("explain", "--model", "faceapi:expression", "--method", "cam", "--out",
                out.toString());
        assertThat(method.err().strip()).isEqualTo("tandem: unknown map method 'cam'; use gradcam or layercam");
    }

    private static float[][] readNpy(Path file, int images, int size) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 1, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        String header = new String(bytes, 10, headerLength, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '<f4'", "'shape': (" + images + ", " + size + ", " + size + ")");
        assertThat((10 + headerLength) % 64).isZero();
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        float[][] maps = new float[images][size * size];
        for (float[] map : maps) {
            data.asFloatBuffer().get(map);
            data.position(data.position() + 4 * map.length);
        }
        assertThat(data.remaining()).isZero();
        return maps;
    }
}
