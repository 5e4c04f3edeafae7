package org.tandem.protocols.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;

/**
 * Malformed protocol files report every problem at once, each with its JSON path and the line and column where it is
 * written, in file order. The files are under src/test/resources/org/tandem/protocols/validation.
 */
class ProtocolValidationTest {

    /** One expected problem: where it is, and a piece of what it says. */
    private record Expected(String path, int line, int column, String says) {
        Tuple where() {
            return tuple(path, line, column);
        }
    }

    private static Expected at(String path, int line, int column, String says) {
        return new Expected(path, line, column, says);
    }

    static String resource(String name) {
        try (InputStream in = ProtocolValidationTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InvalidProtocolException invalid(String json, String source) {
        InvalidProtocolException e = catchThrowableOfType(InvalidProtocolException.class, () -> ProtocolReader.read(json, source));
        assertThat(e).as("%s must be rejected", source).isNotNull();
        return e;
    }

    /**
     * The problems reported for a file are exactly the expected places (the schema may word one problem in several messages
     * at the same place), in line and column order, and the exception's message lists every one of them.
     */
    private static void assertProblems(String file, Expected... expected) {
        InvalidProtocolException e = invalid(resource(file), file);
        List<Problem> problems = e.problems();

        Set<Tuple> places = new LinkedHashSet<>();
        problems.forEach(p -> places.add(tuple(p.path(), p.line(), p.column())));
        assertThat(places).containsExactly(List.of(expected).stream().map(Expected::where).toArray(Tuple[]::new));
        for (Expected x : expected) {
            assertThat(problems).as("a problem at %s saying '%s'", x.path(), x.says())
                    .anySatisfy(p -> {
                        assertThat(tuple(p.path(), p.line(), p.column())).isEqualTo(x.where());
                        assertThat(p.message()).contains(x.says());
                    });
        }
        assertThat(problems).isSortedAccordingTo((a, b) -> a.line() != b.line()
                ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));

        assertThat(e.source()).isEqualTo(file);
        if (problems.size() == 1) {
            assertThat(e.getMessage()).isEqualTo(file + ": " + problems.get(0).describe()
                    + " (fix it and validate again with: tandem protocol validate " + file + ")");
            return;
        }
        assertThat(e.getMessage()).startsWith(file + ": " + problems.size() + " problems");
        for (Problem p : problems) {
            assertThat(e.getMessage()).contains("\n  " + file + ": line " + p.line() + ", column " + p.column() + ", "
                    + p.path() + ": " + p.message());
        }
    }

    @Test
    void schemaProblemsAreAllReportedWhereTheyAre() {
        assertProblems("schema-problems.json",
                at("$.id", 3, 3, "does not match the regex pattern"),
                at("$.colour", 5, 3, "unknown member 'colour'"),
                at("$.task.labels[0].key", 11, 26, "does not match the regex pattern"),
                // a missing required member is reported at the object that lacks it
                at("$.task.labels[1]", 12, 7, "required property 'key' not found"),
                at("$.factors[0].levels[2]", 16, 45, "boolean found"),
                at("$.repetitions", 18, 3, "string found, integer expected"),
                at("$.blocks[0].practice", 20, 22, "string found, boolean expected"),
                // ms and frames together
                at("$.timing.stimulus", 23, 5, "give the duration either in 'ms' or in 'frames'"),
                at("$.timing.iti.ms", 24, 13, "-5 is out of range: give a number from 1 to 3,600,000"),
                at("$.breaks.every", 26, 14, "number found, integer expected"));
    }

    @Test
    void crossReferenceProblemsAreAllReportedWhereTheyAre() {
        assertProblems("semantic-problems.json",
                at("$.task.step", 9, 5, "step 5 leaves no pair among the 5 levels of 'happiness'"),
                at("$.task.labels[1].label", 12, 8, "label 'same' is used twice"),
                at("$.task.labels[1].key", 12, 25, "key F is used by two labels"),
                at("$.factors[0].levels[3]", 16, 64, "continuum level 120 is outside 0–100 %"),
                // 20.0 and 20 are the same canonical level "20"
                at("$.factors[0].levels[4]", 16, 69, "level 20 is listed twice"),
                at("$.blocks[0].levels.speed", 20, 55, "no factor named 'speed'"),
                at("$.randomisation", 23, 3, "order 'blocked' needs 'blockedBy'"),
                at("$.variants[0].levels.happiness", 26, 37, "step 5 leaves no pair among the 4 levels this variant gives"),
                at("$.variants[0].levels.happiness[2]", 26, 58, "continuum level 150 is outside 0–100 %"),
                at("$.variants[0].levels.happiness[3]", 26, 63, "continuum level 'x' must be a number"));
    }

    @Test
    void classificationLevelsMustBeLabelExpressionsAlsoInVariants() {
        assertProblems("classification-problems.json",
                at("$.task.labels[1].key", 11, 24, "key H is used by two labels"),
                at("$.task.labels[2]", 12, 7, "label 'fear' needs a 'key'"),
                at("$.factors[1].levels[2]", 17, 55, "level 'angry' is not the expression of any label [fearful, happy, sad]"),
                at("$.blocks[0].levels.expression[1]", 21, 57, "level surprised is not a level of 'expression'"),
                at("$.randomisation.blockedBy", 23, 40, "'blockedBy' only applies to order 'blocked'"),
                at("$.variants[0].levels.expression[2]", 26, 72, "level 'disgusted' is not the expression of any label"),
                at("$.variants[0].levels.age", 26, 86, "no factor named 'age'"));
    }

    @Test
    void factorsTheTaskOrTheRandomisationNameMustBeDeclared() {
        assertProblems("missing-task-factor.json",
                at("$.task.factor", 8, 5, "classification needs a factor 'emotion'"),
                at("$.randomisation.blockedBy", 18, 41, "no factor named 'mood'"));
    }

    @Test
    void schemaAndCrossReferenceProblemsComeInOneReport() {
        assertProblems("mixed-problems.json",
                at("$.task.labels[1].key", 11, 24, "key A is used by two labels"),
                at("$.factors[0].levels[2]", 15, 45, "continuum level 101 is outside 0–100 %"),
                at("$.factors[0].levels[3]", 15, 50, "boolean found"),
                at("$.timing.stimulus", 18, 14, "either in 'ms' or in 'frames'"),
                at("$.breaks.every", 19, 14, "string found, integer expected"));
    }

    @Test
    void invalidJsonSyntaxIsReportedWithItsPlace() {
        assertProblems("syntax-error.json",
                at("$.timing", 7, 1, "not valid JSON: Unexpected character ('}'"));
    }

    @Test
    void aValidFileHasNoProblem() {
        Protocol protocol = ProtocolReader.read(resource("valid.json"), "valid.json");
        assertThat(protocol.id()).isEqualTo("valid-abx");
        // numeric levels are canonical text: 25.0 and 25 are both "25", 12.5 stays "12.5"
        assertThat(protocol.factor("happiness").levels()).containsExactly("0", "25", "50", "75", "100");
        assertThat(protocol.blocks().get(0).levels()).containsEntry("happiness", List.of("0", "25"));
        assertThat(protocol.variant("networks").orElseThrow().levels().get("happiness"))
                .containsExactly("0", "12.5", "25", "37.5", "50", "62.5", "75", "87.5", "100");
        assertThat(protocol.timing().fixation().frames()).isEqualTo(30);
        assertThat(protocol.timing().stimulus().ms()).isEqualTo(500.0);
    }

    @Test
    void builtinProtocolsHaveNoProblem() {
        for (String name : BuiltinProtocols.NAMES) {
            assertThatCode(() -> BuiltinProtocols.resolve(name).read()).as(name).doesNotThrowAnyException();
        }
    }
}
