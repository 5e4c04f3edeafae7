package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.protocols.BuiltinProtocols;

/**
 * References to the built-in synthetic faces are checked against the renderer when a protocol is validated, and again
 * before a session starts: a face the set cannot draw is a located error, never a surprise at the station.
 */
class ProtocolStimuliTest {

    /** A built-in protocol with one piece of text replaced (which must occur once), written to a file. */
    private static Path edited(Path dir, String builtin, String from, String to) throws IOException {
        String json = BuiltinProtocols.resolve(builtin).json();
        assertThat(json.split(java.util.regex.Pattern.quote(from), -1)).as(from).hasSize(2);
        return Files.writeString(dir.resolve("edited.json"), json.replace(from, to));
    }

    static Stream<Arguments> unknownStimuli() {
        return Stream.of(
                Arguments.of("expression-6way", "\"24\"", "\"x24\"", "$.factors[0].levels[23]",
                        "varied-faces has no identity 'x24'; use a number 01, 02, … or 'average'"),
                Arguments.of("expression-6way", "\"23\",", "\"0\",", "$.factors[0].levels[22]",
                        "varied-faces has no identity '0'; use a number 01, 02, … or 'average'"),
                Arguments.of("expression-2afc-happy-sad", "\"identity\": \"average\"", "\"identity\": \"avg\"",
                        "$.stimulusSets[0].identity", "varied-faces has no identity 'avg'"),
                Arguments.of("expression-abx", "\"to\": \"happy\"", "\"to\": \"joyful\"", "$.task.continuum.to",
                        "unknown expression 'joyful'; the synthetic faces show [neutral, angry, disgusted, fearful, happy,"
                                + " sad, surprised]"),
                Arguments.of("expression-6way", "\"name\": \"varied-faces\"", "\"name\": \"synthetic-face\"",
                        "$.stimulusSets[0].name", "no built-in stimulus set is named 'synthetic-face' (built in:"
                                + " synthetic-faces, varied-faces); give an image folder or manifest with 'path'"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("unknownStimuli")
    void validateNamesTheReferenceTheSetCannotShow(String builtin, String from, String to, String path, String message,
                                                   @TempDir Path dir) throws IOException {
        Path file = edited(dir, builtin, from, to);
        for (String command : new String[] {"validate", "plan"}) {
            CliRun run = command.equals("validate") ? CliRun.of("protocol", "validate", file.toString())
                    : CliRun.of("protocol", "plan", file.toString(), "--seed", "1");
            assertThat(run.exitCode()).as(command).isEqualTo(1);
            assertThat(run.out()).as(command).isEmpty();
            assertThat(run.err().strip()).as(command).startsWith("tandem: " + file + ": line ")
                    .contains(", " + path + ": " + message).doesNotContain("\n");
        }
    }

    @Test
    void anExpressionIsReportedOnceWhereItIsWritten(@TempDir Path dir) throws IOException {
        // the label and the level agree, so only the set's vocabulary can tell that no face shows 'joy'
        Path file = edited(dir, "expression-6way", "\"expression\": \"happy\"", "\"expression\": \"joy\"");
        String json = Files.readString(file).replaceFirst("\"happy\",\n", "\"joy\",\n");
        Files.writeString(file, json);
        CliRun run = CliRun.of("protocol", "validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("$.factors[1].levels[3]: unknown expression 'joy'").doesNotContain("\n  ");
        // a level no label stands for is reported as such, once, not again as a face the set lacks
        Files.writeString(file, json.replace("\"expression\": \"joy\"", "\"expression\": \"happy\""));
        CliRun unlabelled = CliRun.of("protocol", "validate", file.toString());
        assertThat(unlabelled.err()).contains("$.factors[1].levels[3]: level 'joy' is not the expression of any label")
                .doesNotContain("unknown expression").doesNotContain("\n  ");
    }

    @Test
    void aSessionDoesNotStartOnAFaceTheSetCannotShow(@TempDir Path dir) throws IOException {
        Path file = edited(dir, "expression-6way", "\"24\"", "\"x24\"");
        Path db = dir.resolve("sessions");
        CliRun human = CliRun.of("run", file.toString(), "--participant", "P01", "--db", db.toString());
        CliRun model = CliRun.of("simulate", file.toString(), "--observer", "faceapi:expression", "--db", db.toString());
        for (CliRun run : new CliRun[] {human, model}) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("$.factors[0].levels[23]: varied-faces has no identity 'x24'");
        }
        // refused before the store was opened: no session, not even an empty database
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("edited.json");
        }
    }

    @Test
    void everyBuiltInProtocolShowsOnlyWhatTheSetHas() {
        for (String name : BuiltinProtocols.NAMES) {
            assertThat(ProtocolStimuli.read(BuiltinProtocols.resolve(name)).id()).isEqualTo(name);
        }
    }
}
