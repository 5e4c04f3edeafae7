package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.synthetic.SyntheticFaces;

class StimuliCommandsTest {

    @Test
    void synthWritesAValidSetWhosePixelsAreTheBuiltInFaces(@TempDir Path dir) {
        Path out = dir.resolve("faces");
        CliRun run = CliRun.of("stimuli", "synth", "--set", "synthetic-faces", "--identities", "3", "--size", "128",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote 21 faces");
        assertThat(out.resolve("sheet.png")).exists();
        ImageFolderSet set = ImageFolderSet.open(out);
        assertThat(set.refs()).hasSize(21);
        Raster written = RasterFiles.read(out.resolve("02_fearful.png"));
        Raster drawn = new SyntheticFaces(128, 1).render(StimulusRef.prototype(SyntheticFaces.SET_NAME, "02", "fearful"));
        assertThat(written).isEqualTo(drawn);
        assertThat(CliRun.of("stimuli", "check", out.toString()).exitCode()).isZero();
    }

    @Test
    void continuumWritesEqualStepsFromOneEndToTheOther(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("morph");
        CliRun run = CliRun.of("stimuli", "continuum", "--from", "sad", "--to", "happy", "--levels", "5", "--identity", "7",
                "--set", "synthetic-faces", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"));
        assertThat(manifest.get(0)).isEqualTo("file,identity,expression,continuum,level,face_x,face_y,face_width,face_height");
        assertThat(manifest.subList(1, manifest.size()).stream().map(line -> line.split(",", 6)).map(cells ->
                String.join(",", List.of(cells).subList(0, 5))).toList()).containsExactly(
                "07_sad-happy_000.png,07,,sad-happy,0", "07_sad-happy_001.png,07,,sad-happy,25",
                "07_sad-happy_002.png,07,,sad-happy,50", "07_sad-happy_003.png,07,,sad-happy,75",
                "07_sad-happy_004.png,07,,sad-happy,100");
        SyntheticFaces faces = SyntheticFaces.defaults();
        assertThat(RasterFiles.read(out.resolve("07_sad-happy_000.png")))
                .isEqualTo(faces.render(StimulusRef.prototype(SyntheticFaces.SET_NAME, "07", "sad")));
    }

    @Test
    void negateTransformsEveryImageOfASet(@TempDir Path dir) {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        CliRun.of("stimuli", "synth", "--identities", "1", "--size", "64", "--out", in.toString());
        CliRun run = CliRun.of("stimuli", "transform", "--op", "negate", in.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Raster original = RasterFiles.read(in.resolve("01_happy.png"));
        Raster negated = RasterFiles.read(out.resolve("01_happy.png"));
        for (int channel = 0; channel < 3; channel++) {
            assertThat(negated.sample(10, 20, channel)).isEqualTo(255 - original.sample(10, 20, channel));
            assertThat(negated.sample(32, 40, channel)).isEqualTo(255 - original.sample(32, 40, channel));
        }
        assertThat(ImageFolderSet.open(out).refs()).hasSize(7);
    }

    @Test
    void masksAreRefusedOnImagesTheBuiltInGeometryDoesNotFit(@TempDir Path dir) {
        Path in = dir.resolve("in");
        CliRun.of("stimuli", "synth", "--identities", "1", "--seed", "2", "--out", in.toString());
        CliRun run = CliRun.of("stimuli", "transform", "--op", "mask-nose", in.toString(), "--out",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("01_neutral.png: its face box").contains("is not where 'varied-faces' draws")
                .contains("giving the same --set and --seed here").doesNotContain("Exception");
        assertThat(dir.resolve("out")).doesNotExist();

        CliRun inverted = CliRun.of("stimuli", "transform", "--op", "invert", "--seed", "2", in.toString(), "--out",
                dir.resolve("inverted").toString());
        assertThat(inverted.exitCode()).as(inverted.err()).isZero();
        assertThat(CliRun.of("stimuli", "transform", "--op", "mask-eyes", "--seed", "2", dir.resolve("inverted").toString(),
                "--out", dir.resolve("masked").toString()).err()).contains("its face box");
        assertThat(CliRun.of("stimuli", "transform", "--op", "mask-eyes", "--seed", "2", in.toString(), "--out",
                dir.resolve("masked").toString()).exitCode()).isZero();
    }

    @Test
    void maskingTheMouthGreysOutTheMouthOnly(@TempDir Path dir) {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        CliRun.of("stimuli", "synth", "--set", "synthetic-faces", "--identities", "1", "--out", in.toString());
        assertThat(CliRun.of("stimuli", "transform", "--op", "mask-mouth", "--set", "synthetic-faces", in.toString(),
                "--out", out.toString()).exitCode()).isZero();
        StimulusRef ref = StimulusRef.prototype(SyntheticFaces.SET_NAME, "01", "happy");
        double[] mouth = SyntheticFaces.defaults().partRegions(ref, "mouth")[0];
        Raster masked = RasterFiles.read(out.resolve("01_happy.png"));
        Raster original = RasterFiles.read(in.resolve("01_happy.png"));
        int cx = (int) mouth[0];
        int cy = (int) mouth[1];
        assertThat(masked.sample(cx, cy, 0)).isEqualTo(masked.sample(cx, cy, 1)).isEqualTo(masked.sample(cx, cy, 2));
        assertThat(masked.sample(cx, cy - 60, 0)).isEqualTo(original.sample(cx, cy - 60, 0)); // the nose is untouched
    }

    @Test
    void aBrokenFolderGetsOneMessageListingEveryBadFile(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("broken");
        Files.createDirectories(set);
        Files.writeString(set.resolve("manifest.csv"), "file,identity,expression,continuum,level\n"
                + "a.png,01,happy,,\nmissing.png,01,sad,,\nnot-an-image.png,02,happy,,\na.png,01,happy,,\n");
        RasterFiles.writePng(new Raster(2, 2, new byte[12]), set.resolve("a.png"));
        Files.writeString(set.resolve("not-an-image.png"), "hello");
        CliRun run = CliRun.of("stimuli", "check", set.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("missing.png").contains("not-an-image.png").contains("a.png")
                .doesNotContain("Exception");
    }

    @Test
    void stimuliCommandsHaveHelp() {
        for (String sub : new String[] {"synth", "continuum", "transform", "check"}) {
            CliRun run = CliRun.of("stimuli", sub, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: tandem stimuli " + sub);
        }
    }
}
