package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.stimuli.AlignmentManifest;
import org.tandem.engine.stimuli.FaceAlignment;
import org.tandem.observer.faceapi.DetectedFace;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.FaceLandmarkFinder;
import org.tandem.observer.faceapi.LandmarkedFace;
import org.tandem.observer.faceapi.Landmarks68;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.testing.FaceApiModels;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.align.CanonicalEyes;
import org.tandem.stimuli.align.EyeAlignment;
import org.tandem.stimuli.io.RasterFiles;

/**
 * {@code tandem stimuli align} through the command line on face-api's six demo photographs (model-observer's
 * {@code faceapi-reference/detector} fixtures, where face-api's tiny detector finds 3, 1, 3, 3, 5 and 5 faces at input
 * 416), with the real weights.
 */
class StimuliAlignCommandTest {
    private static final List<String> PHOTOS = List.of("sample1", "sample2", "sample3", "sample4", "sample5", "sample6");
    private static final int[] FACES = {3, 1, 3, 3, 5, 5};
    /**
     * Largest distance of an eye centre found again on a written crop from its canonical position, in pixels of 256, for
     * the faces the command reports settled. Measured: 2.61 px worst (sample5_face4), 12 of 19 faces within 1.3 px; the
     * command itself, which looks at the crop with the photograph around it, finds them all within 0.85 px. The grey
     * around the crop here changes the landmark network's input and so, a little, its answer.
     */
    private static final double EYE_TOLERANCE = 3.0;
    /** The one face that never settles: face-api's doubtful 0.60 box overlapping two faces of sample6. */
    private static final String UNSETTLED = "sample6_face5.png";
    private static final int MARGIN = 128;

    @Test
    void everyFaceOfTheDemoPhotographsIsAlignedWithItsEyesOnTheCanonicalPositions(@TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("stimuli", "align", "--all-faces", "--out", dir.resolve("out").toString()));
        PHOTOS.forEach(p -> args.add(FaceApiReference.file("detector/" + p + ".png").toString()));
        CliRun run = CliRun.ok(args.toArray(String[]::new));
        assertThat(run.out()).contains("Aligned 20 faces from 6 of 6 images").doesNotContain("Not aligned")
                .containsPattern("1 face not settled: " + UNSETTLED + " \\(eyes found again 1\\d\\.\\d+ px");

        List<CSVRecord> rows = manifest(dir.resolve("out"));
        assertThat(rows).hasSize(20);
        assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(AlignmentManifest.COLUMNS);
        assertThat(Files.exists(dir.resolve("out/sheet.png"))).isTrue();
        Point2D left = CanonicalEyes.ARCFACE.imageLeft(256);
        Point2D right = CanonicalEyes.ARCFACE.imageRight(256);
        double worst = 0;
        try (NDManager base = DjlEngine.newBaseManager();
             FaceLandmark68Net net = new FaceLandmark68Net(base,
                     TfjsWeightManifest.load(FaceApiModels.folder(), FaceLandmark68Net.MODEL))) {
            int row = 0;
            for (int p = 0; p < PHOTOS.size(); p++) {
                for (int k = 1; k <= FACES[p]; k++) {
                    CSVRecord record = rows.get(row++);
                    String name = PHOTOS.get(p) + "_face" + k + ".png";
                    assertThat(record.get("file")).isEqualTo(name);
                    assertThat(record.get("source")).endsWith(PHOTOS.get(p) + ".png");
                    assertThat(record.get("face")).isEqualTo(String.valueOf(k));
                    assertThat(record.get("identity")).isEmpty();
                    assertThat(Double.parseDouble(record.get("score"))).isBetween(0.5, 1.0);
                    Raster crop = RasterFiles.read(dir.resolve("out").resolve(name));
                    assertThat(crop.width()).isEqualTo(256);
                    assertThat(crop.height()).isEqualTo(256);
                    // the landmarks found again on the written crop, in the detector's box carried into it; the box is
                    // wider than the crop, so the crop sits in the middle of a grey canvas where the box fits whole
                    LandmarkedFace face = new FaceLandmarkFinder(net).find(onCanvas(crop),
                            List.of(boxInCrop(record, MARGIN))).get(0);
                    Landmarks68.Point foundLeft = face.imageLeftEye();
                    Landmarks68.Point foundRight = face.imageRightEye();
                    double off = Math.max(Math.hypot(foundLeft.x() - MARGIN - left.getX(), foundLeft.y() - MARGIN - left.getY()),
                            Math.hypot(foundRight.x() - MARGIN - right.getX(), foundRight.y() - MARGIN - right.getY()));
                    System.out.printf("%s: eyes found again %.2f px from the canonical positions (manifest %s,"
                            + " outside %s)%n", name, off, record.get("eye_residual"), record.get("outside"));
                    double residual = Double.parseDouble(record.get("eye_residual"));
                    if (name.equals(UNSETTLED)) {
                        assertThat(residual).isGreaterThan(1.0);
                        assertThat(off).isGreaterThan(EYE_TOLERANCE);
                    } else {
                        assertThat(residual).as(name).isLessThan(1.0);
                        assertThat(off).as(name).isLessThan(EYE_TOLERANCE);
                        worst = Math.max(worst, off);
                    }
                }
            }
        }
        System.out.printf("worst eye distance on the settled crops: %.2f px%n", worst);
    }

    @Test
    void withoutAllFacesPhotographsOfSeveralAreListedAndNotWritten(@TempDir Path dir) throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.copy(FaceApiReference.file("detector/sample1.png"), photos.resolve("sample1.png"));
        // one face, under a KDEF name: session A, female 01, happy, straight
        Files.copy(FaceApiReference.file("detector/sample2.png"), photos.resolve("AF01HAS.png"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.ok("stimuli", "align", photos.toString(), "--out", out.toString(), "--size", "128");
        assertThat(run.out()).contains("Not aligned, 1 of 2 images:")
                .contains("sample1.png: 3 faces (scores 0.79 0.78 0.71)")
                .contains("Aligned 1 faces from 1 of 2 images");
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("AF01HAS.png", "manifest.csv", "sheet.png");
        }
        CSVRecord row = manifest(out).get(0);
        assertThat(row.get("identity")).isEqualTo("F01");
        assertThat(row.get("expression")).isEqualTo("happy");
        assertThat(row.get("face")).isEqualTo("1");
        assertThat(RasterFiles.read(out.resolve("AF01HAS.png")).width()).isEqualTo(128);

        CliRun nothing = CliRun.of("stimuli", "align", photos.resolve("sample1.png").toString(), "--out",
                dir.resolve("none").toString());
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.out()).contains("sample1.png: 3 faces");
        assertThat(nothing.err().strip()).startsWith("tandem: no face aligned in any of the 1 images").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("none"))).isFalse();

        CliRun again = CliRun.of("stimuli", "align", photos.toString(), "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("--force");
    }

    @Test
    void badInputGivesOneLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun missing = CliRun.of("stimuli", "align", dir.resolve("nowhere.jpg").toString(), "--out", out.toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err().strip()).contains("nowhere.jpg: no such file or folder").doesNotContain("\n")
                .doesNotContain("Exception");

        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        CliRun notImage = CliRun.of("stimuli", "align", FaceApiReference.file("detector/sample2.png").toString(),
                text.toString(), "--out", out.toString());
        assertThat(notImage.exitCode()).isNotZero();
        assertThat(notImage.err().strip()).contains("notes.png").doesNotContain("\n").doesNotContain("Exception");

        CliRun tiny = CliRun.of("stimuli", "align", text.toString(), "--out", out.toString(), "--size", "8");
        assertThat(tiny.exitCode()).isNotZero();
        assertThat(tiny.err()).contains("--size must be from 32");
        assertThat(Files.exists(out)).isFalse();

        assertThat(CliRun.ok("stimuli", "align", "--help").out()).contains("--all-faces").contains("--size");
    }

    /** The crop in the middle of a mid-grey canvas {@link #MARGIN} wider on every side. */
    private static Raster onCanvas(Raster crop) {
        int side = crop.width() + 2 * MARGIN;
        byte[] rgb = new byte[side * side * 3];
        java.util.Arrays.fill(rgb, (byte) 128);
        byte[] inner = crop.rgb();
        for (int y = 0; y < crop.height(); y++) {
            System.arraycopy(inner, y * crop.width() * 3, rgb, ((y + MARGIN) * side + MARGIN) * 3, crop.width() * 3);
        }
        return new Raster(side, side, rgb);
    }

    /** The detector's box of a manifest row carried into its crop (shifted by {@code margin}), framed as the command did. */
    private static DetectedFace boxInCrop(CSVRecord row, int margin) {
        AffineTransform toCrop = AffineTransform.getTranslateInstance(margin, margin);
        toCrop.concatenate(EyeAlignment.toTarget(point(row, "left_eye"), point(row, "right_eye"),
                CanonicalEyes.ARCFACE.imageLeft(256), CanonicalEyes.ARCFACE.imageRight(256)));
        return FaceAlignment.carried(new DetectedFace(Double.parseDouble(row.get("score")),
                Double.parseDouble(row.get("source_x")), Double.parseDouble(row.get("source_y")),
                Double.parseDouble(row.get("source_width")), Double.parseDouble(row.get("source_height"))), toCrop);
    }

    private static Point2D point(CSVRecord row, String eye) {
        return new Point2D.Double(Double.parseDouble(row.get(eye + "_x")), Double.parseDouble(row.get(eye + "_y")));
    }

    private static List<CSVRecord> manifest(Path folder) throws Exception {
        try (CSVParser parser = CSVParser.parse(folder.resolve("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return parser.getRecords();
        }
    }

    private static double distance(Landmarks68.Point p, Point2D q) {
        return Math.hypot(p.x() - q.getX(), p.y() - q.getY());
    }
}
