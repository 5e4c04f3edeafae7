package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.io.RasterFiles;

/**
 * {@code tandem stimuli detect} through the command line, with face-api's detector on the real weights: photographs of
 * one face each get a face box in their manifest; a photograph of three faces is listed and nothing is written; a folder
 * of Tandem's faces whose boxes were taken away gets boxes again (at a lower score threshold: drawn faces score lower than
 * photographs), and the six-way protocol on it runs through the landmark-refined face crop.
 */
class StimuliDetectCommandTest {
    private static final Pattern ACCURACY = Pattern.compile("accuracy (\\d\\.\\d{3}) \\((\\d+) of (\\d+)");

    @Test
    void photographsOfOneFaceGetTheirFaceBoxAndAGroupPhotoIsListed(@TempDir Path dir) throws Exception {
        Raster group = FaceApiReference.readPng(FaceApiReference.file("detector/sample1.png"));
        Path photos = Files.createDirectories(dir.resolve("photos"));
        // face-api finds three faces in sample1 (x about 112, 259 and 475 at input 416): one photograph per face
        int[][] boxes = {{40, 20, 200, 250}, {225, 20, 200, 250}, {425, 0, 200, 250}};
        String[] names = {"AF01NES.JPG", "AF02NES.JPG", "AF03NES.JPG"};
        for (int i = 0; i < boxes.length; i++) {
            int[] b = boxes[i];
            RasterFiles.writePng(crop(group, b[0], b[1], b[2], b[3]), photos.resolve(names[i].replace(".JPG", ".png")));
        }
        Files.writeString(photos.resolve("manifest.csv"), "file,identity,expression\n"
                + "AF01NES.png,F01,neutral\nAF02NES.png,F02,neutral\nAF03NES.png,F03,neutral\n");

        CliRun detected = CliRun.of("stimuli", "detect", photos.toString());
        assertThat(detected.exitCode()).as(detected.out() + detected.err()).isZero();
        assertThat(detected.out()).contains("Found one face in each of 3 images");
        List<String> rows = Files.readAllLines(photos.resolve("manifest.csv"));
        assertThat(rows.get(0)).isEqualTo("file,identity,expression,continuum,level,face_x,face_y,face_width,face_height");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            double width = Double.parseDouble(cells[7]);
            assertThat(width).as(row).isBetween(60.0, 140.0);
        }

        CliRun again = CliRun.of("stimuli", "detect", photos.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already gives face boxes for 3 of 3 images").contains("--force");
        assertThat(CliRun.of("stimuli", "detect", photos.toString(), "--force").exitCode()).isZero();

        Path crowd = Files.createDirectories(dir.resolve("crowd"));
        RasterFiles.writePng(group, crowd.resolve("group.png"));
        Files.writeString(crowd.resolve("manifest.csv"), "file,identity,expression\ngroup.png,A,happy\n");
        String before = Files.readString(crowd.resolve("manifest.csv"));
        CliRun refused = CliRun.of("stimuli", "detect", crowd.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("group.png: 3 faces (scores");
        assertThat(refused.err()).contains("no face boxes written").doesNotContain("Exception");
        assertThat(Files.readString(crowd.resolve("manifest.csv"))).isEqualTo(before);
    }

    @Test
    void aFolderOfFacesWithoutBoxesRunsThroughTheDetectedFaceCrop(@TempDir Path dir) throws Exception {
        Path faces = dir.resolve("faces");
        assertThat(CliRun.of("stimuli", "synth", "--identities", "12", "--out", faces.toString()).exitCode()).isZero();
        Path manifest = faces.resolve("manifest.csv");
        Files.write(manifest, Files.readAllLines(manifest).stream()
                .map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 5))).toList());
        String before = Files.readString(manifest);

        // at face-api's score threshold the detector misses a few drawn faces: listed, nothing written
        CliRun strict = CliRun.of("stimuli", "detect", faces.toString());
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).containsPattern("Not one face in \\d of 84 images").contains(": no face");
        assertThat(Files.readString(manifest)).isEqualTo(before);
        CliRun detected = CliRun.of("stimuli", "detect", faces.toString(), "--min-score", "0.3");
        assertThat(detected.exitCode()).as(detected.out() + detected.err()).isZero();
        assertThat(detected.out()).contains("Found one face in each of 84 images");

        ObjectMapper json = new ObjectMapper();
        ObjectNode lab = (ObjectNode) json.readTree(BuiltinProtocols.resolve("expression-6way").json());
        lab.put("id", "lab-6way");
        ObjectNode set = (ObjectNode) lab.get("stimulusSets").get(0);
        set.put("name", "lab").put("path", "faces").put("crop", "landmarks");
        ArrayNode identities = ((ObjectNode) lab.get("factors").get(0)).putArray("levels");
        for (int i = 1; i <= 12; i++) {
            identities.add(String.format("%02d", i));
        }
        Path protocol = dir.resolve("lab.json");
        Files.writeString(protocol, json.writeValueAsString(lab));
        String db = dir.resolve("t.mv.db").toString();
        CliRun run = CliRun.of("simulate", protocol.toString(), "--observer", "faceapi:expression", "--db", db);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Matcher m = ACCURACY.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        System.out.println("expression-6way on 12 people of varied-faces with detected face boxes, landmark crop: "
                + m.group(1) + " (" + m.group(2) + " of " + m.group(3) + ")");
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(72);
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(0.6);
    }

    private static Raster crop(Raster image, int x0, int y0, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            System.arraycopy(image.rgb(), ((y0 + y) * image.width() + x0) * 3, rgb, y * width * 3, width * 3);
        }
        return new Raster(width, height, rgb);
    }
}
