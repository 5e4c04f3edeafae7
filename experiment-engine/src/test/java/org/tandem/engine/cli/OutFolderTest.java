package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.io.RasterFiles;

/**
 * Every command that writes into an --out folder refuses to overwrite what is there, in one line naming one or two of
 * the files, and overwrites with --force; report files are readable by their owner only.
 */
class OutFolderTest {
    @TempDir
    Path dir;

    private static void assertRefused(CliRun run, Path out, String listed) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tandem: " + out + " already holds " + listed + "; add --force to overwrite"
                + (listed.contains(" and ") ? " them" : " it") + ", or give another --out\n");
    }

    private static void assertDone(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void stimuliSynthAndContinuumRefuseToOverwriteAndForceDoes() {
        Path out = dir.resolve("faces");
        assertDone(CliRun.of("stimuli", "synth", "--identities", "1", "--size", "64", "--out", out.toString()));
        Raster before = RasterFiles.read(out.resolve("01_happy.png"));

        CliRun again = CliRun.of("stimuli", "synth", "--identities", "1", "--size", "96", "--out", out.toString());
        assertRefused(again, out, "01_neutral.png, 01_angry.png and 7 more file(s)");
        assertThat(RasterFiles.read(out.resolve("01_happy.png"))).isEqualTo(before);

        assertDone(CliRun.of("stimuli", "synth", "--identities", "1", "--size", "96", "--out", out.toString(), "--force"));
        assertThat(RasterFiles.read(out.resolve("01_happy.png")).width()).isEqualTo(96);

        // a continuum's files are other names, but the manifest and contact sheet are the same ones
        CliRun continuum = CliRun.of("stimuli", "continuum", "--from", "sad", "--to", "happy", "--levels", "3",
                "--size", "64", "--out", out.toString());
        assertRefused(continuum, out, "manifest.csv and sheet.png");
        assertThat(out.resolve("average_sad-happy_000.png")).doesNotExist();
        assertDone(CliRun.of("stimuli", "continuum", "--from", "sad", "--to", "happy", "--levels", "3", "--size", "64",
                "--out", out.toString(), "--force"));
    }

    @Test
    void aTransformOntoItsOwnInputNeedsForce() {
        Path faces = dir.resolve("in");
        assertDone(CliRun.of("stimuli", "synth", "--identities", "1", "--size", "64", "--out", faces.toString()));
        Raster original = RasterFiles.read(faces.resolve("01_happy.png"));
        CliRun inPlace = CliRun.of("stimuli", "transform", "--op", "negate", faces.toString(), "--out", faces.toString());
        assertRefused(inPlace, faces, "01_neutral.png, 01_angry.png and 7 more file(s)");
        assertDone(CliRun.of("stimuli", "transform", "--op", "negate", faces.toString(), "--out", faces.toString(),
                "--force"));
        assertThat(RasterFiles.read(faces.resolve("01_happy.png")).sample(10, 20, 0))
                .isEqualTo(255 - original.sample(10, 20, 0));
    }

    @Test
    void analyzeAndExportRefuseToOverwriteAndReportFilesAreOwnerOnly() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX permissions");
        Path db = dir.resolve("lab.mv.db");
        SimulatedParticipant.store(db, "lab", "expression-6way", "P01", 1, 50);
        Path report = dir.resolve("report");
        assertDone(CliRun.of("analyze", "--db", db.toString(), "--out", report.toString(), "--bootstrap", "0"));
        List<Path> written = files(report);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("report.html", "results.json", "fits.csv", "comparisons.csv", "confusion_P01.csv");
        assertOwnerOnly(written);

        assertRefused(CliRun.of("analyze", "--db", db.toString(), "--out", report.toString()), report,
                "report.html, results.json and 3 more file(s)");
        // a replaced file does not keep the wider permissions it had
        Files.setPosixFilePermissions(report.resolve("results.json"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(report.resolve("results.json"), "stale");
        assertDone(CliRun.of("analyze", "--db", db.toString(), "--out", report.toString(), "--bootstrap", "0",
                "--force"));
        assertThat(Files.readString(report.resolve("results.json"))).startsWith("{");
        assertOwnerOnly(files(report));

        Path onlyConfusion = dir.resolve("confusion");
        Files.createDirectories(onlyConfusion);
        Files.writeString(onlyConfusion.resolve("confusion_someone.csv"), "x");
        assertRefused(CliRun.of("analyze", "--db", db.toString(), "--out", onlyConfusion.toString()), onlyConfusion,
                "confusion_someone.csv");

        Path export = dir.resolve("export");
        assertDone(CliRun.of("export", "--db", db.toString(), "--out", export.toString()));
        assertRefused(CliRun.of("export", "--db", db.toString(), "--out", export.toString()), export,
                "trials.csv, sessions.csv and 1 more file(s)");
        assertDone(CliRun.of("export", "--db", db.toString(), "--out", export.toString(), "--format", "json"));
        assertDone(CliRun.of("export", "--db", db.toString(), "--out", export.toString(), "--force"));
    }

    @Test
    void theDemoRefusesAFolderItDidNotWriteBeforeDoingAnything() throws IOException {
        Path out = dir.resolve("mine");
        Files.createDirectories(out.resolve("report"));
        Files.writeString(out.resolve("report").resolve("report.html"), "my own report");
        Path db = dir.resolve("demo.mv.db");
        CliRun demo = CliRun.of("demo", "--db", db.toString(), "--out", out.toString());
        assertRefused(demo, out, "report/report.html");
        assertThat(demo.out()).isEmpty();
        assertThat(db).doesNotExist();
        assertThat(out.resolve("README.txt")).doesNotExist();

        Files.writeString(out.resolve("README.txt"), "my notes");
        assertRefused(CliRun.of("demo", "--db", db.toString(), "--out", out.toString()), out,
                "README.txt and report/report.html");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.sorted().toList());
        }
    }

    private static void assertOwnerOnly(List<Path> files) throws IOException {
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }
}
