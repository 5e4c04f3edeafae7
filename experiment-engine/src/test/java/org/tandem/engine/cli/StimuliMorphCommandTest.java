package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.observer.testing.FaceApiReference;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.io.RasterFiles;

/**
 * {@code tandem stimuli morph} through the command line, with face-api's detector and 68-point network on the real
 * weights: an identity continuum between two faces of face-api's demo photographs (test resources {@code morph/}, cut as
 * their README says), a KDEF-named set morphed from sad to happy, and photographs refused with one line.
 */
class StimuliMorphCommandTest {
    private static final String HEADER = "file,identity,expression,continuum,level,face_x,face_y,face_width,face_height";

    @Test
    void twoPhotographsMakeAnIdentityContinuum(@TempDir Path dir) throws Exception {
        Path a = fixture(dir, "sample1-face.png");
        Path b = fixture(dir, "sample2-face.png");
        Path out = dir.resolve("out");
        CliRun run = CliRun.ok("stimuli", "morph", "--from", a.toString(), "--to", b.toString(), "--from-name", "S1",
                "--to-name", "S2", "--levels", "21", "--out", out.toString());
        assertThat(run.out()).contains("Wrote 1 continuum of 21 levels (S1-S2)");

        List<String> rows = Files.readAllLines(out.resolve("manifest.csv"));
        assertThat(rows).hasSize(22);
        assertThat(rows.get(0)).isEqualTo(HEADER);
        for (int i = 0; i < 21; i++) {
            String[] cells = rows.get(i + 1).split(",", -1);
            assertThat(cells[0]).isEqualTo(String.format("S1-S2_%03d.png", i));
            assertThat(cells[1]).isEqualTo("S1-S2");
            assertThat(cells[2]).isEmpty();
            assertThat(cells[3]).isEqualTo("S1-S2");
            assertThat(cells[4]).isEqualTo(String.valueOf(5 * i));
            assertThat(Double.parseDouble(cells[7])).as(rows.get(i + 1)).isBetween(40.0, 160.0);
            Raster level = RasterFiles.read(out.resolve(cells[0]));
            assertThat(level.width()).isEqualTo(160);
            assertThat(level.height()).isEqualTo(200);
        }
        // the ends are the photographs themselves; the middle is neither
        assertThat(RasterFiles.read(out.resolve("S1-S2_000.png"))).isEqualTo(RasterFiles.read(a));
        assertThat(RasterFiles.read(out.resolve("S1-S2_020.png"))).isEqualTo(RasterFiles.read(b));
        Raster middle = RasterFiles.read(out.resolve("S1-S2_010.png"));
        assertThat(middle).isNotEqualTo(RasterFiles.read(a)).isNotEqualTo(RasterFiles.read(b));
        Raster sheet = RasterFiles.read(out.resolve("sheet.png"));
        assertThat(sheet.width()).isEqualTo(21 * 128);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.count()).isEqualTo(23);
        }
        // the check reads the folder back as a stimulus set with its continuum
        CliRun check = CliRun.ok("stimuli", "check", out.toString());
        assertThat(check.out()).contains("21");
    }

    @Test
    void aPhotographOfSeveralFacesOrTwoSizesIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
        Path group = FaceApiReference.file("detector/sample1.png");
        Path out = dir.resolve("out");
        CliRun crowd = CliRun.of("stimuli", "morph", "--from", group.toString(), "--to", group.toString(),
                "--out", out.toString());
        assertThat(crowd.exitCode()).isEqualTo(1);
        assertThat(crowd.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("sample1.png: 3 faces (scores").contains("exactly one face");
        assertThat(out).doesNotExist();

        CliRun sizes = CliRun.of("stimuli", "morph", "--from", fixture(dir, "sample1-face.png").toString(), "--to",
                group.toString(), "--out", out.toString());
        assertThat(sizes.exitCode()).isEqualTo(1);
        assertThat(sizes.err().strip()).doesNotContain("\n").contains("is 160 x 200 but").contains("same size");
        assertThat(out).doesNotExist();
    }

    @Test
    void aKdefSetIsMorphedPerIdentityAndIncompleteIdentitiesAreListed(@TempDir Path dir) throws Exception {
        Path set = Files.createDirectories(dir.resolve("kdef"));
        Files.copy(fixture(dir, "sample1-face.png"), set.resolve("AF01SAS.png"));
        Files.copy(fixture(dir, "sample2-face.png"), set.resolve("AF01HAS.png"));
        Files.copy(fixture(dir, "sample2-face.png"), set.resolve("AF02SAS.png"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.ok("stimuli", "morph", "--set", set.toString(), "--from-expression", "sad",
                "--to-expression", "happy", "--levels", "5", "--out", out.toString());
        assertThat(run.out()).contains("Wrote 1 continuum of 5 levels (F01 sad-happy)")
                .contains("Left out 1 identities").contains("F02: one sad, no happy");
        List<String> rows = Files.readAllLines(out.resolve("manifest.csv"));
        assertThat(rows.get(0)).isEqualTo(HEADER);
        assertThat(rows.subList(1, rows.size())).extracting(r -> String.join(",", List.of(r.split(",")).subList(0, 5)))
                .containsExactly("F01_sad-happy_000.png,F01,,sad-happy,0", "F01_sad-happy_001.png,F01,,sad-happy,25",
                        "F01_sad-happy_002.png,F01,,sad-happy,50", "F01_sad-happy_003.png,F01,,sad-happy,75",
                        "F01_sad-happy_004.png,F01,,sad-happy,100");

        CliRun again = CliRun.of("stimuli", "morph", "--set", set.toString(), "--from-expression", "sad",
                "--to-expression", "happy", "--levels", "5", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("--force");
    }

    /**
     * The way docs/STIMULI.md turns a KDEF folder into continua: aligned first, then morphed. An aligned crop is filled
     * by its face, so the detector looks at it inside a larger canvas. The fixtures are small faces (about 80 pixels
     * wide) enlarged to 256, which the detector scores low: hence --min-score 0.3 here.
     */
    @Test
    void anAlignedKdefSetIsMorphed(@TempDir Path dir) throws Exception {
        Path set = Files.createDirectories(dir.resolve("kdef"));
        Files.copy(fixture(dir, "sample1-face.png"), set.resolve("AF01SAS.png"));
        Files.copy(fixture(dir, "sample2-face.png"), set.resolve("AF01HAS.png"));
        Path aligned = dir.resolve("aligned");
        CliRun.ok("stimuli", "align", set.toString(), "--out", aligned.toString());
        Path out = dir.resolve("continua");
        CliRun run = CliRun.ok("stimuli", "morph", "--set", aligned.toString(), "--from-expression", "sad",
                "--to-expression", "happy", "--levels", "21", "--min-score", "0.3", "--out", out.toString());
        assertThat(run.out()).contains("Wrote 1 continuum of 21 levels (F01 sad-happy)");
        List<String> rows = Files.readAllLines(out.resolve("manifest.csv"));
        assertThat(rows).hasSize(22);
        assertThat(rows.get(11)).startsWith("F01_sad-happy_010.png,F01,,sad-happy,50,");
        CliRun.ok("stimuli", "check", out.toString());
    }

    private static Path fixture(Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            try (var in = StimuliMorphCommandTest.class.getResourceAsStream("/morph/" + name)) {
                Files.copy(in, file);
            }
        }
        return file;
    }
}
