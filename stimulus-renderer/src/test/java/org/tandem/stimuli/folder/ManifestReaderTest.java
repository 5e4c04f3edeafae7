package org.tandem.stimuli.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests in CSV and JSON: what the rows say, and every problem with its line. */
class ManifestReaderTest {

    @TempDir
    Path dir;

    private ManifestReader.Content read(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ManifestReader.read(file);
    }

    @Test
    void csvRowsArePrototypesMorphsAndAttributes() throws IOException {
        ManifestReader.Content content = read("manifest.csv", "\uFEFFFile,IDENTITY,expression,continuum,level,Gaze\n"
                + "a.png,F01,happy,,,frontal\n"
                + "\n"
                + "morphs/b.png,average,,sad-happy,30.0,\n"
                + "\"c, with comma.png\", F02 ,sad\n");

        assertThat(content.problems()).isEmpty();
        assertThat(content.rows()).extracting(ManifestRow::line, ManifestRow::file, ManifestRow::identity,
                        ManifestRow::expression, ManifestRow::continuum, ManifestRow::level)
                .containsExactly(
                        tuple(2, "a.png", "F01", "happy", null, null),
                        tuple(4, "morphs/b.png", "average", null, "sad-happy", "30"),
                        tuple(5, "c, with comma.png", "F02", "sad", null, null));
        assertThat(content.rows().get(0).attributes()).containsExactly(Map.entry("Gaze", "frontal"));
        assertThat(content.rows().get(1).attributes()).isEmpty();
        assertThat(content.rows().get(1).toEntry("set").ref().id()).isEqualTo("set/average/sad-happy@30");
    }

    @Test
    void everyBadCsvRowIsReportedWithItsLine() throws IOException {
        ManifestReader.Content content = read("manifest.csv", "file,identity,expression,continuum,level\n"
                + "ok.png,F01,happy,,\n"             // 2 fine
                + ",F01,sad,,\n"                     // 3 no file
                + "x.png,,sad,,\n"                   // 4 no identity
                + "x.png,F01,happy,sad-happy,50\n"   // 5 both
                + "x.png,F01,,,\n"                   // 6 neither
                + "x.png,F01,,sad-happy,\n"          // 7 continuum without level
                + "x.png,F01,happy,,40\n"            // 8 level without continuum
                + "x.png,F01,,sad-happy,abc\n"       // 9 level not a number
                + "x.png,F01,,sad-happy,120\n"       // 10 level out of range
                + "/abs/x.png,F01,sad,,\n"           // 11 absolute
                + "../x.png,F01,sad,,\n"             // 12 outside the folder
                + "x.png,F01,sad,,,extra\n"          // 13 too many values
                + "fine.png,F03,,sad-happy,-0\n");   // 14 fine: -0 is 0

        assertThat(content.problems()).extracting(SetProblem::file, SetProblem::line)
                .containsExactly(
                        tuple("manifest.csv", 3), tuple("manifest.csv", 4), tuple("manifest.csv", 5),
                        tuple("manifest.csv", 6), tuple("manifest.csv", 7), tuple("manifest.csv", 8),
                        tuple("manifest.csv", 9), tuple("manifest.csv", 10), tuple("manifest.csv", 11),
                        tuple("manifest.csv", 12), tuple("manifest.csv", 13));
        assertThat(content.problems()).extracting(SetProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("no file"),
                m -> assertThat(m).contains("no identity"),
                m -> assertThat(m).contains("both expression 'happy' and continuum 'sad-happy'"),
                m -> assertThat(m).contains("neither expression nor continuum"),
                m -> assertThat(m).contains("continuum 'sad-happy' needs a level"),
                m -> assertThat(m).contains("level 40 without a continuum"),
                m -> assertThat(m).contains("level 'abc' is not a number"),
                m -> assertThat(m).contains("level 120 is outside 0–100"),
                m -> assertThat(m).contains("'/abs/x.png' must be a path inside"),
                m -> assertThat(m).contains("'../x.png' must be a path inside"),
                m -> assertThat(m).contains("has 6 values but the header names 5 columns"));
        assertThat(content.rows()).extracting(ManifestRow::file, ManifestRow::level)
                .containsExactly(tuple("ok.png", null), tuple("fine.png", "0"));
        assertThat(content.problems().get(0).describe()).startsWith("manifest.csv line 3: no file");
    }

    @Test
    void aMultiLineQuotedValueDoesNotShiftLaterLines() throws IOException {
        ManifestReader.Content content = read("m.csv", "file,identity,expression\n"
                + "a.png,\"two\nlines\",happy\n"
                + "b.png,F01,\n");
        assertThat(content.problems()).extracting(SetProblem::line).containsExactly(4);
    }

    @Test
    void missingColumnsAreReportedAtTheHeader() throws IOException {
        ManifestReader.Content content = read("manifest.csv", "name,who,emotion\na.png,F01,happy\n");
        assertThat(content.rows()).isEmpty();
        assertThat(content.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("no column file, identity, expression (or continuum and level)");
        });
        ManifestReader.Content noLevel = read("manifest.csv", "file,identity,continuum\na.png,F01,sad-happy\n");
        assertThat(noLevel.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no column level"));
    }

    @Test
    void emptyAndBrokenCsvAreProblemsNotCrashes() throws IOException {
        assertThat(read("manifest.csv", "").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is empty"));
        assertThat(read("manifest.csv", "file,identity,expression,File\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("twice"));
        assertThat(read("manifest.csv", "file,identity,expression\na.png,F01,happy\n\"b.png,F02,sad\n").problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).contains("not valid CSV");
                });
    }

    @Test
    void jsonRowsAndTheirLines() throws IOException {
        ManifestReader.Content content = read("manifest.json", """
                [
                  {"file": "a.png", "identity": "F01", "expression": "happy", "session": "A"},
                  {"file": "b.png", "identity": "average", "continuum": "sad-happy", "level": 30.0},
                  {"file": "c.png", "identity": 7, "continuum": "sad-happy", "level": "70"}
                ]
                """);
        assertThat(content.problems()).isEmpty();
        assertThat(content.rows()).extracting(ManifestRow::line, ManifestRow::identity, ManifestRow::level)
                .containsExactly(tuple(2, "F01", null), tuple(3, "average", "30"), tuple(4, "7", "70"));
        assertThat(content.rows().get(0).attributes()).containsExactly(Map.entry("session", "A"));
    }

    @Test
    void everyBadJsonObjectIsReportedWithItsLine() throws IOException {
        ManifestReader.Content content = read("manifest.json", """
                [
                  {"file": "a.png", "identity": "F01", "expression": "happy"},
                  {"identity": "F01", "expression": "sad"},
                  "b.png",
                  {"file": "c.png", "identity": "F02", "continuum": "sad-happy",
                   "level": 101},
                  {"file": "d.png", "identity": ["F03"], "expression": "sad"}
                ]
                """);
        assertThat(content.problems()).extracting(SetProblem::line).containsExactly(3, 4, 5, 7);
        assertThat(content.problems()).extracting(SetProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("no file"),
                m -> assertThat(m).contains("must be an object"),
                m -> assertThat(m).contains("level 101 is outside"),
                m -> assertThat(m).contains("field 'identity' must be text or a number, not array"));
        assertThat(content.rows()).extracting(ManifestRow::file).containsExactly("a.png");
    }

    @Test
    void jsonThatIsNotAnArrayOrNotJsonIsAProblemWithALine() throws IOException {
        assertThat(read("manifest.json", "{\"file\": \"a.png\"}").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a JSON array"));
        assertThat(read("manifest.json", "[\n  {\"file\": \"a.png\",}\n]").problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).contains("not valid JSON");
                });
    }

    @Test
    void otherExtensionsAreNotManifests() throws IOException {
        assertThat(read("stimuli.txt", "file,identity,expression\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a manifest is a .csv or .json file"));
    }
}
