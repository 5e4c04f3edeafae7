package org.tandem.stimuli.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.io.BlackPng;

/** Real folders of real images, checked before use: every problem at once, each with its file. */
class StimulusSetCheckerTest {

    @TempDir
    Path dir;

    private void manifest(String text) {
        TestImages.text(dir.resolve("manifest.csv"), text);
    }

    @Test
    void aGoodManifestSet() {
        TestImages.png(dir.resolve("a.png"), 6, 4, 1);
        TestImages.png(dir.resolve("m/b30.png"), 6, 4, 2);
        TestImages.text(dir.resolve("README.txt"), "about these faces");
        TestImages.text(dir.resolve(".DS_Store"), "hidden");
        manifest("file,identity,expression,continuum,level\na.png,F01,happy,,\nm/b30.png,avg,,sad-happy,30\n");

        SetReport report = StimulusSetChecker.check(dir);
        assertThat(report.ok()).isTrue();
        assertThat(report.name()).isEqualTo(dir.getFileName().toString());
        assertThat(report.source()).isEqualTo("manifest.csv");
        assertThat(report.entries()).extracting(e -> e.ref().identity(), StimulusEntry::file)
                .containsExactly(tuple("F01", "a.png"), tuple("avg", "m/b30.png"));
        assertThat(report.sizes()).containsOnlyKeys(new ImageSize(6, 4));
        assertThat(report.imageSize()).isEqualTo(new ImageSize(6, 4));
        assertThat(report.warnings()).extracting(SetProblem::file).containsExactly("README.txt");
        assertThat(report.describe()).contains("2 images, 6x4 (2)").contains("README.txt: is not named by manifest.csv");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsFile() throws IOException {
        TestImages.png(dir.resolve("ok.png"), 8, 8, 1);
        TestImages.png(dir.resolve("ok2.png"), 8, 8, 2);
        TestImages.png(dir.resolve("same-key.png"), 8, 8, 3);
        TestImages.png(dir.resolve("small.png"), 4, 4, 4);
        TestImages.text(dir.resolve("text.png"), "not an image");
        byte[] png = Files.readAllBytes(dir.resolve("ok.png"));
        Files.write(dir.resolve("broken.png"), Arrays.copyOf(png, 50));
        TestImages.png(dir.resolve("Upper.png"), 8, 8, 5);
        TestImages.text(dir.resolve("notes.txt"), "an extra file");
        manifest("file,identity,expression,continuum,level\n"
                + "ok.png,F01,happy,,\n"           // 2
                + "missing.png,F01,sad,,\n"        // 3 missing
                + "same-key.png,F01,happy,,\n"     // 4 duplicate of line 2
                + "ok2.png,F02,,sad-happy,abc\n"   // 5 bad level
                + "ok2.png,,sad,,\n"               // 6 no identity
                + "text.png,F03,sad,,\n"           // 7 not an image
                + "broken.png,F04,sad,,\n"         // 8 truncated
                + "small.png,F05,sad,,\n"          // 9 another size
                + "upper.png,F06,sad,,\n");        // 10 wrong case

        InvalidStimulusSetException e = catchThrowableOfType(InvalidStimulusSetException.class,
                () -> ImageFolderSet.open(dir));
        assertThat(e).isNotNull().isInstanceOf(TandemException.class);
        assertThat(e.problems()).extracting(SetProblem::file, SetProblem::line).containsExactlyInAnyOrder(
                tuple("manifest.csv", 5),
                tuple("manifest.csv", 6),
                tuple("manifest.csv", 3),
                tuple("manifest.csv", 10),
                tuple("manifest.csv", 4),
                tuple("text.png", 0),
                tuple("broken.png", 0),
                tuple("small.png", 0));
        String message = e.getMessage();
        assertThat(message).contains("8 problems")
                .contains("manifest.csv line 3: names 'missing.png', which is not in")
                .contains("manifest.csv line 4: 2 images for the one stimulus F01/happy: ok.png (line 2), same-key.png"
                        + " (line 4)")
                .contains("manifest.csv line 5: level 'abc' is not a number")
                .contains("manifest.csv line 6: no identity")
                .contains("manifest.csv line 10: names 'upper.png'").contains("there is 'Upper.png'")
                .contains("text.png: cannot read image").contains("not a PNG, JPEG, BMP or GIF")
                .contains("broken.png: cannot read image")
                .contains("small.png: is 4x4 but most images of the set are 8x8")
                .contains("tandem stimuli check " + dir.toAbsolutePath());
        assertThat(message).doesNotContain("notes.txt");
        assertThat(e.report().warnings()).extracting(SetProblem::file).containsExactly("Upper.png", "notes.txt");
    }

    @Test
    void symbolicLinksLeadingOutOfTheFolderAreRefusedLikeDotDotPaths() throws IOException {
        Path set = dir.resolve("set");
        Path elsewhere = dir.resolve("elsewhere");
        TestImages.png(set.resolve("a.png"), 4, 4, 1);
        TestImages.png(elsewhere.resolve("secret.png"), 4, 4, 2);
        TestImages.png(elsewhere.resolve("people/b.png"), 4, 4, 3);
        Files.createSymbolicLink(set.resolve("linked.png"), elsewhere.resolve("secret.png"));
        Files.createSymbolicLink(set.resolve("people"), elsewhere.resolve("people"));
        Files.createSymbolicLink(set.resolve("alias.png"), set.resolve("a.png"));   // inside the folder: fine
        TestImages.text(set.resolve("manifest.csv"), "file,identity,expression\n"
                + "a.png,F01,happy\n"           // 2
                + "linked.png,F01,sad\n"        // 3 a link to a file outside
                + "people/b.png,F02,sad\n"      // 4 through a linked folder
                + "alias.png,F02,happy\n"       // 5 a link that stays inside
                + "../elsewhere/secret.png,F03,sad\n");   // 6 the refusal the links must match

        SetReport report = StimulusSetChecker.check(set);

        assertThat(report.problems()).extracting(SetProblem::file, SetProblem::line).containsExactlyInAnyOrder(
                tuple("manifest.csv", 3), tuple("manifest.csv", 4), tuple("manifest.csv", 6));
        assertThat(report.problems()).filteredOn(p -> p.line() == 3).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("file 'linked.png' leads outside the set's folder through a symbolic"
                        + " link (to " + elsewhere.toRealPath().resolve("secret.png") + "); copy the image into "
                        + set.toAbsolutePath() + " instead of linking to it"));
        assertThat(report.problems()).filteredOn(p -> p.line() == 6).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a path inside the manifest's folder"));
        assertThat(report.entries()).extracting(StimulusEntry::file).containsExactly("a.png", "alias.png");
    }

    @Test
    void aLinkedFileOutsideTheFolderIsRefusedInASetNamedByItsFiles() throws IOException {
        TestImages.jpeg(dir.resolve("set/AF01HAS.JPG"), 4, 4);
        TestImages.jpeg(dir.resolve("elsewhere/AF01SAS.JPG"), 4, 4);
        Files.createSymbolicLink(dir.resolve("set/AF01SAS.JPG"), dir.resolve("elsewhere/AF01SAS.JPG"));

        SetReport report = StimulusSetChecker.check(dir.resolve("set"));

        assertThat(report.source()).isEqualTo("KDEF file names");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("AF01SAS.JPG");
            assertThat(p.message()).startsWith("leads outside the set's folder through a symbolic link");
        });
    }

    @Test
    void anImageOverTheSizeLimitIsAProblemOfItsFile() throws IOException {
        TestImages.png(dir.resolve("a.png"), 4, 4, 1);
        BlackPng.write(dir.resolve("huge.png"), 20000, 20000);
        manifest("file,identity,expression\na.png,F01,happy\nhuge.png,F01,sad\n");

        SetReport report = StimulusSetChecker.check(dir);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("huge.png");
            assertThat(p.message()).contains("is 20000 × 20000 pixels, over Tandem's limit of 8192 pixels a side");
        });
    }

    @Test
    void mixedSizesAreFineWhenResizing() {
        TestImages.png(dir.resolve("a.png"), 8, 6, 1);
        TestImages.png(dir.resolve("b.png"), 5, 5, 2);
        manifest("file,identity,expression\na.png,F01,happy\nb.png,F01,sad\n");

        assertThat(StimulusSetChecker.check(dir).problems()).extracting(SetProblem::file).containsExactly("b.png");
        SetReport resized = StimulusSetChecker.check(dir, FolderSetOptions.defaults().withResizeTo(16));
        assertThat(resized.ok()).isTrue();
        assertThat(resized.imageSize()).isEqualTo(new ImageSize(16, 16));
        assertThat(resized.sizes()).containsOnlyKeys(new ImageSize(8, 6), new ImageSize(5, 5));
    }

    @Test
    void aManifestFileCanBeGivenDirectlyAndJsonWorksToo() {
        TestImages.png(dir.resolve("a.png"), 3, 3, 1);
        TestImages.text(dir.resolve("set.json"), "[{\"file\": \"a.png\", \"identity\": \"x\", \"expression\": \"sad\"}]");
        SetReport report = StimulusSetChecker.check(dir.resolve("set.json"), FolderSetOptions.defaults().withName("mine"));
        assertThat(report.ok()).isTrue();
        assertThat(report.entries()).extracting(StimulusEntry::ref)
                .containsExactly(StimulusRef.prototype("mine", "x", "sad"));
    }

    @Test
    void twoManifestsAreAProblem() {
        TestImages.png(dir.resolve("a.png"), 3, 3, 1);
        manifest("file,identity,expression\na.png,x,sad\n");
        TestImages.text(dir.resolve("manifest.json"), "[]");
        assertThat(StimulusSetChecker.check(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("both manifest.csv and manifest.json"));
    }

    @Test
    void anEmptyManifestIsAProblem() {
        manifest("file,identity,expression\n");
        assertThat(StimulusSetChecker.check(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("names no images"));
    }

    @Test
    void aMissingPathIsAnErrorRightAway() {
        assertThatThrownBy(() -> StimulusSetChecker.check(dir.resolve("nowhere")))
                .isInstanceOf(TandemException.class).hasMessageContaining("nowhere").hasMessageContaining("does not exist");
    }

    @Test
    void kdefFolderWithoutManifest() {
        for (String person : List.of("AF01", "AM02")) {
            for (String file : List.of("HAS", "SAS", "NES", "HAHL", "HAFR")) {
                TestImages.jpeg(dir.resolve(person + "/" + person + file + ".JPG"), 12, 16);
            }
        }
        TestImages.jpeg(dir.resolve("BF01/BF01HAS.JPG"), 12, 16);
        TestImages.text(dir.resolve("KDEF-readme.txt"), "readme");

        SetReport report = StimulusSetChecker.check(dir, FolderSetOptions.defaults().withName("kdef"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.source()).isEqualTo("KDEF file names");
        assertThat(report.entries()).extracting(StimulusEntry::ref).containsExactly(
                StimulusRef.prototype("kdef", "F01", "happy"),
                StimulusRef.prototype("kdef", "F01", "neutral"),
                StimulusRef.prototype("kdef", "F01", "sad"),
                StimulusRef.prototype("kdef", "M02", "happy"),
                StimulusRef.prototype("kdef", "M02", "neutral"),
                StimulusRef.prototype("kdef", "M02", "sad"));
        assertThat(report.entries().get(0).file()).isEqualTo("AF01/AF01HAS.JPG");
        assertThat(report.entries().get(0).attributes()).containsEntry("session", "A").containsEntry("view", "S");
        assertThat(report.skipped()).extracting(SetProblem::file).containsExactly(
                "AF01/AF01HAFR.JPG", "AF01/AF01HAHL.JPG", "AM02/AM02HAFR.JPG", "AM02/AM02HAHL.JPG", "BF01/BF01HAS.JPG");
        assertThat(report.warnings()).extracting(SetProblem::file).containsExactly("KDEF-readme.txt");
        assertThat(report.sizes()).containsOnlyKeys(new ImageSize(12, 16));
    }

    @Test
    void kdefWithBothSessionsHasTwoImagesPerStimulus() {
        TestImages.jpeg(dir.resolve("AF01HAS.JPG"), 4, 4);
        TestImages.jpeg(dir.resolve("BF01HAS.JPG"), 4, 4);
        SetReport report = StimulusSetChecker.check(dir,
                FolderSetOptions.defaults().withScheme(new KdefNaming(Set.of("A", "B"), Set.of("S"))));
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("BF01HAS.JPG");
            assertThat(p.message()).contains("2 images for the one stimulus F01/happy: AF01HAS.JPG, BF01HAS.JPG");
        });
    }

    @Test
    void rafdFolderWithoutManifest() {
        TestImages.jpeg(dir.resolve("Rafd090_01_Caucasian_female_happy_frontal.jpg"), 8, 10);
        TestImages.jpeg(dir.resolve("Rafd090_01_Caucasian_female_contemptuous_frontal.jpg"), 8, 10);
        TestImages.jpeg(dir.resolve("Rafd090_01_Caucasian_female_happy_left.jpg"), 8, 10);
        TestImages.jpeg(dir.resolve("Rafd045_01_Caucasian_female_happy_frontal.jpg"), 8, 10);

        SetReport report = StimulusSetChecker.check(dir, FolderSetOptions.defaults().withName("rafd"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.source()).isEqualTo("RaFD file names");
        assertThat(report.entries()).extracting(StimulusEntry::ref).containsExactlyInAnyOrder(
                StimulusRef.prototype("rafd", "01", "happy"),
                StimulusRef.prototype("rafd", "01", "contemptuous"));
        assertThat(report.skipped()).hasSize(2);
    }

    @Test
    void aFolderWithNeitherManifestNorKnownNamesSaysWhatToDo() {
        TestImages.png(dir.resolve("face1.png"), 3, 3, 1);
        SetReport report = StimulusSetChecker.check(dir);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("no manifest.csv or manifest.json")
                .contains("KDEF (AF01HAS.JPG)")
                .contains("write a manifest.csv"));
    }

    @Test
    void allFilesSkippedIsAProblem() {
        TestImages.jpeg(dir.resolve("AF01HAHL.JPG"), 4, 4);
        SetReport report = StimulusSetChecker.check(dir);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("no usable images").contains("skipped"));
    }
}
