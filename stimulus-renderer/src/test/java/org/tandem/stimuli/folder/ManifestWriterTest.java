package org.tandem.stimuli.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.plan.StimulusRef;

/** What the writer writes, the reader reads back, and a folder of images with it is a valid set. */
class ManifestWriterTest {

    @TempDir
    Path dir;

    private static final List<StimulusEntry> ENTRIES = List.of(
            new StimulusEntry("faces/a.png", StimulusRef.prototype("gen", "07", "happy"), Map.of("seed", "42")),
            StimulusEntry.of("faces/b.png", StimulusRef.morph("gen", "07", "sad-happy", "30")),
            new StimulusEntry("c, quoted \"name\".png", StimulusRef.prototype("gen", "08", "sad"), Map.of("note", "x,y")));

    @ParameterizedTest
    @EnumSource(ManifestFormat.class)
    void whatIsWrittenReadsBackAsTheSameEntries(ManifestFormat format) {
        Path manifest = ManifestWriter.write(dir, ENTRIES, format);
        assertThat(manifest).isEqualTo(dir.resolve(format.fileName()));

        ManifestReader.Content content = ManifestReader.read(manifest);
        assertThat(content.problems()).isEmpty();
        assertThat(content.rows().stream().map(r -> r.toEntry("gen")).toList()).isEqualTo(ENTRIES);
    }

    @Test
    void csvHasTheStandardColumnsThenTheAttributes() throws IOException {
        ManifestWriter.write(dir, ENTRIES, ManifestFormat.CSV);
        assertThat(Files.readAllLines(dir.resolve("manifest.csv"))).containsExactly(
                "file,identity,expression,continuum,level,seed,note",
                "faces/a.png,07,happy,,,42,",
                "faces/b.png,07,,sad-happy,30,,",
                "\"c, quoted \"\"name\"\".png\",08,sad,,,,\"x,y\"");
    }

    @Test
    void aFolderOfImagesWithItsManifestIsAValidSet() {
        TestImages.png(dir.resolve("faces/a.png"), 4, 3, 1);
        TestImages.png(dir.resolve("faces/b.png"), 4, 3, 2);
        TestImages.png(dir.resolve("c, quoted \"name\".png"), 4, 3, 3);
        ManifestWriter.write(dir, ENTRIES, ManifestFormat.CSV);

        SetReport report = StimulusSetChecker.check(dir, FolderSetOptions.defaults().withName("gen"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.entries()).isEqualTo(ENTRIES);
    }

    @Test
    void noTemporaryFileIsLeftAndAnOldManifestIsReplaced() throws IOException {
        ManifestWriter.write(dir, ENTRIES, ManifestFormat.JSON);
        ManifestWriter.write(dir, ENTRIES.subList(0, 1), ManifestFormat.JSON);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("manifest.json");
        }
        assertThat(ManifestReader.read(dir.resolve("manifest.json")).rows()).hasSize(1);
    }

    @Test
    void entriesThatCouldNotBeReadBackAreRefused() {
        StimulusRef happy = StimulusRef.prototype("gen", "07", "happy");
        assertThatThrownBy(() -> ManifestWriter.write(dir, List.of(StimulusEntry.of("a.png", happy),
                StimulusEntry.of("b.png", happy)), ManifestFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two files for gen/07/happy");
        assertThatThrownBy(() -> ManifestWriter.write(dir, List.of(StimulusEntry.of("../a.png", happy)),
                ManifestFormat.CSV)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManifestWriter.write(dir, List.of(new StimulusEntry("a.png", happy,
                Map.of("Level", "3"))), ManifestFormat.CSV)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("manifest.csv")).doesNotExist();
    }
}
