package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.Landmarks68;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.library.StimulusLibrary;
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.Landmark68Regions;
import org.tandem.stimuli.transform.Luma;
import org.tandem.stimuli.transform.Region;

/**
 * {@code "mask"} on a photo continuum folder ({@link PhotoContinua}, made by {@code tandem stimuli continuum} as a stand-in
 * for photographs): the part is covered where face-api's 68 landmarks, found in the manifest's face box, put it, with the
 * built-in faces' mask (a grey patch of the image's mean luma) and nothing else of the image changed; the protocol is
 * planned and run on the network; a face whose landmarks cannot be found is one line.
 */
class PhotoMaskProtocolTest {

    @Test
    void maskedPixelsLieInsideTheLandmarkEllipsesAndTheRestIsUnchanged(@TempDir Path dir) {
        Path folder = PhotoContinua.continuum(dir);
        List<StimulusEntry> entries = ImageFolderSet.open(folder).entries();
        try (NDManager manager = DjlEngine.newBaseManager();
             FaceLandmark68Net net = new FaceLandmark68Net(manager,
                     ModelSpec.parse("faceapi:landmarks").weights(ModelStore.faceApi()))) {
            for (FaceFeature part : FaceFeature.values()) {
                String mask = part.name().toLowerCase(java.util.Locale.ROOT);
                Path file = PhotoContinua.protocol(dir, "photos-mask-" + mask, "continua/manifest.csv", mask);
                BuiltinProtocols.Source source = BuiltinProtocols.resolve(file.toString());
                StimulusLibrary library = ProtocolStimuli.library(source, source.read());
                for (StimulusEntry entry : List.of(entries.get(0), entries.get(10), entries.get(20))) {
                    StimulusRef ref = StimulusRef.morph(PhotoContinua.SET, "average", "sad-happy", entry.ref().level());
                    Raster photo = RasterFiles.read(folder.resolve(entry.file()));
                    List<Region> ellipses = landmarkEllipses(net, photo, PhotoContinua.faceBox(entry), part);
                    assertMaskedOnlyInside(library.image(ref), photo, ellipses, mask + " " + ref);
                }
            }
        }
    }

    @Test
    void theTransformWithLandmarkRegionsWritesTheMaskedProtocolsImages(@TempDir Path dir) {
        Path folder = PhotoContinua.continuum(dir);
        Path out = dir.resolve("nose");
        CliRun.ok("stimuli", "transform", "--op", "mask-nose", "--regions", "landmarks", folder.toString(), "--out",
                out.toString());
        Path file = PhotoContinua.protocol(dir, "photos-mask-nose", "continua/manifest.csv", "nose");
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(file.toString());
        StimulusLibrary library = ProtocolStimuli.library(source, source.read());
        List<StimulusEntry> written = ImageFolderSet.open(out).entries();
        assertThat(written).hasSize(21);
        for (StimulusEntry entry : written) {
            StimulusRef ref = StimulusRef.morph(PhotoContinua.SET, "average", "sad-happy", entry.ref().level());
            assertThat(RasterFiles.read(out.resolve(entry.file()))).as("%s", ref).isEqualTo(library.image(ref))
                    .isNotEqualTo(RasterFiles.read(folder.resolve(entry.file())));
        }
        CliRun notAMask = CliRun.of("stimuli", "transform", "--op", "invert", "--regions", "landmarks",
                folder.toString(), "--out", dir.resolve("x").toString());
        assertThat(notAMask.exitCode()).isNotZero();
        assertThat(notAMask.err()).startsWith("tandem: --regions landmarks places masks, and --op invert masks"
                + " nothing");
        assertThat(Files.exists(dir.resolve("x"))).as("no partial output").isFalse();
    }

    @Test
    void aMaskedPhotoProtocolIsPlannedAndRunOnTheNetwork(@TempDir Path dir) {
        PhotoContinua.continuum(dir);
        Path file = PhotoContinua.protocol(dir, "photos-mask-eyes", "continua/manifest.csv", "eyes");
        assertThat(CliRun.ok("protocol", "plan", file.toString(), "--seed", "3").out())
                .contains("kdef-continua/average/sad-happy@100");
        Path db = dir.resolve("masked.mv.db");
        CliRun masked = CliRun.ok("simulate", file.toString(), "--observer", "faceapi:expression", "--db",
                db.toString());
        assertThat(masked.out()).contains("630 trials", "Simulated 1 session(s) of photos-mask-eyes (networks)");
        Path plain = PhotoContinua.protocol(dir, "photos", "continua/manifest.csv", null);
        CliRun unmasked = CliRun.ok("simulate", plain.toString(), "--observer", "faceapi:expression", "--db",
                db.toString());
        // the network answered other pixels: its P(happy) curve over the same levels differs
        assertThat(curve(masked.out())).isNotEqualTo(curve(unmasked.out()));
    }

    @Test
    void aFaceWhoseLandmarksCannotBeFoundIsOneLine(@TempDir Path dir) throws Exception {
        Path folder = PhotoContinua.continuum(dir);
        Path manifest = folder.resolve("manifest.csv");
        List<String> lines = Files.readAllLines(manifest);
        // the 50 % image's face box moved to the image's bottom-right corner, where there is only background
        List<String> edited = lines.stream().map(line -> line.contains(",sad-happy,50,")
                ? line.substring(0, line.indexOf(",sad-happy,50,")) + ",sad-happy,50,200,200,56,56" : line).toList();
        Files.write(manifest, edited);
        Path file = PhotoContinua.protocol(dir, "photos-mask-mouth", "continua/manifest.csv", "mouth");
        CliRun run = CliRun.of("simulate", file.toString(), "--observer", "faceapi:expression", "--db",
                dir.resolve("d").toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).startsWith("tandem: stimulus set 'kdef-continua' (" + folder + "), image of"
                + " kdef-continua/average/sad-happy@50: the face landmarks cannot be found in its face box")
                .endsWith("\n").doesNotContain("Exception").hasLineCount(1);

        // a row without a face box: nothing to find the landmarks in
        Files.write(manifest, lines.stream().map(line -> line.contains(",sad-happy,50,")
                ? line.substring(0, line.indexOf(",sad-happy,50,")) + ",sad-happy,50,,,," : line).toList());
        CliRun noBox = CliRun.of("simulate", file.toString(), "--observer", "faceapi:expression", "--db",
                dir.resolve("d").toString());
        assertThat(noBox.exitCode()).isNotZero();
        assertThat(noBox.err()).contains("sad-happy@50 gives no face box to find the face landmarks in")
                .hasLineCount(1);
    }

    /** The part's ellipses, from the landmark network run here on the face box cut from the photograph. */
    private static List<Region> landmarkEllipses(FaceLandmark68Net net, Raster photo, Rectangle2D box, FaceFeature part) {
        Landmarks68 found = net.predict(List.of(FaceBoxCrop.cut(photo, box))).get(0);
        double left = Math.floor(Math.max(0, box.getX()));
        double top = Math.floor(Math.max(0, box.getY()));
        double[] x = found.points().stream().mapToDouble(p -> left + p.x()).toArray();
        double[] y = found.points().stream().mapToDouble(p -> top + p.y()).toArray();
        return Landmark68Regions.of(part, x, y);
    }

    private static void assertMaskedOnlyInside(Raster masked, Raster photo, List<Region> ellipses, String what) {
        int grey = Luma.meanGrey(photo);
        int covered = 0;
        for (int y = 0; y < photo.height(); y++) {
            for (int x = 0; x < photo.width(); x++) {
                double cx = x + 0.5;
                double cy = y + 0.5;
                boolean inside = ellipses.stream().anyMatch(r -> r.contains(cx, cy));
                int i = (y * photo.width() + x) * 3;
                for (int c = 0; c < 3; c++) {
                    int value = masked.rgb()[i + c] & 0xFF;
                    if (inside) {
                        assertThat(value).as("%s: pixel (%d, %d) inside the ellipses", what, x, y).isEqualTo(grey);
                    } else {
                        assertThat(value).as("%s: pixel (%d, %d) outside the ellipses", what, x, y)
                                .isEqualTo(photo.rgb()[i + c] & 0xFF);
                    }
                }
                covered += inside ? 1 : 0;
            }
        }
        // the part is a patch of the face, not a speck and not the whole image
        assertThat(covered).as(what).isGreaterThan(100).isLessThan(photo.width() * photo.height() / 4);
    }

    private static String curve(String simulateOut) {
        return simulateOut.substring(simulateOut.indexOf("P(happy) by happiness:"), simulateOut.indexOf("predictions"));
    }
}
