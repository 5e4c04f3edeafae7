package org.tandem.protocols.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.ProtocolReader;

/** Text that is not a well-formed protocol document: one located problem in plain words, never a crash. */
class ProtocolJsonTest {
    private static final String ABX = BuiltinProtocols.resolve("expression-abx").json();

    private static Problem theProblem(String json) {
        InvalidProtocolException e = catchThrowableOfType(InvalidProtocolException.class, () -> ProtocolReader.read(json, "p.json"));
        assertThat(e).as("must be rejected").isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("StreamReadConstraints").doesNotContain("`");
        return e.problems().get(0);
    }

    @Test
    void aHundredThousandNestedArraysAreALocatedProblemNotAStackOverflow() {
        String json = ABX.replace("\"repetitions\": 2,", "\"repetitions\": " + "[".repeat(100_000) + "]".repeat(100_000) + ",");
        Problem problem = theProblem(json);
        assertThat(problem.line()).isEqualTo(ABX.substring(0, ABX.indexOf("\"repetitions\": 2")).split("\n", -1).length);
        // right after the 64th bracket, which with the protocol's own object makes 65 levels
        assertThat(problem.column()).isEqualTo(3 + "\"repetitions\": ".length() + 64);
        assertThat(problem.path()).isEqualTo("$.repetitions[0][0][0][0][0][0][0]…");
        assertThat(problem.message()).isEqualTo("objects and arrays are nested more than 64 deep, where a protocol needs 6;"
                + " close the brackets left open (or check that this is a protocol file)");
        // objects too, at the top
        assertThat(theProblem("{\"a\":".repeat(100_000)).message()).startsWith("objects and arrays are nested more than 64 deep");
    }

    @Test
    void aMemberGivenTwiceIsLocatedAtTheSecond() {
        String json = ABX.replace("\"step\": 2,", "\"step\": 2,\n    \"step\": 3,");
        Problem problem = theProblem(json);
        assertThat(problem.path()).isEqualTo("$.task.step");
        assertThat(problem.line()).isEqualTo(ABX.substring(0, ABX.indexOf("\"step\": 2")).split("\n", -1).length + 1);
        assertThat(problem.message()).isEqualTo("member 'step' is given twice in the same object; keep one of them");
    }

    @Test
    void aTruncatedFileIsLocatedAtItsEnd() {
        for (int cut : List.of(1, 100, ABX.length() / 2, ABX.length() - 2)) {
            String truncated = ABX.substring(0, cut);
            Problem problem = theProblem(truncated);
            String[] lines = truncated.split("\n", -1);
            assertThat(problem.line()).as("cut at %d", cut).isEqualTo(lines.length);
            assertThat(problem.column()).as("cut at %d", cut).isEqualTo(lines[lines.length - 1].length() + 1);
            assertThat(problem.message()).as("cut at %d", cut).isEqualTo("the text ends before the protocol does (an"
                    + " object or array is not closed); the file may be truncated: complete it or restore it");
        }
    }

    @Test
    void numbersJsonDoesNotHaveSayWhatToWriteInstead() {
        assertThat(theProblem(ABX.replace("\"step\": 2", "\"step\": NaN")).message())
                .isEqualTo("NaN is not a JSON number; write a number such as 0.5, or text in double quotes");
        assertThat(theProblem(ABX.replace("\"step\": 2", "\"step\": -Infinity")).message()).startsWith("-Infinity is not a JSON number");
        assertThat(theProblem(ABX.replace("\"step\": 2", "\"step\": 02")).message()).startsWith("a number may not start with 0");
        Problem tooLong = theProblem(ABX.replace("\"step\": 2", "\"step\": 1" + "0".repeat(200)));
        assertThat(tooLong.path()).isEqualTo("$.task.step");
        assertThat(tooLong.message()).isEqualTo("a number longer than 100 characters; write it with fewer digits (an"
                + " exponent such as 1e-9 is fine)");
    }

    @Test
    void otherSyntaxErrorsNameTheParsersFindingOnOneLine() {
        Problem comma = theProblem(ABX.replace("\"step\": 2,", "\"step\": 2,,"));
        assertThat(comma.path()).isEqualTo("$.task.step");
        assertThat(comma.message()).startsWith("not valid JSON: Unexpected character (',' (code 44))")
                .endsWith("; check the quotes, commas and brackets here");
    }

    @Test
    void aLineBreakQuotedInAMessageIsShownEscaped() {
        InvalidProtocolException e = catchThrowableOfType(InvalidProtocolException.class, () ->
                ProtocolReader.read(ABX.replace("\"matches\": \"A\"", "\"matches\": \"A\\nB\""), "p.json"));
        assertThat(e.problems()).singleElement().extracting(Problem::path).isEqualTo("$.task.labels[0].matches");
        assertThat(e.getMessage()).doesNotContain("\n");
    }
}
