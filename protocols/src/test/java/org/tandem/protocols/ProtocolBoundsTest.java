package org.tandem.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.validation.InvalidProtocolException;
import org.tandem.protocols.validation.Problem;

/**
 * Every number of a protocol has a range, and the trial count a limit, checked before anything is planned: a wrong number
 * is one located problem, found at once, whatever its size.
 */
class ProtocolBoundsTest {
    private static final String TWO_AFC = BuiltinProtocols.resolve("expression-2afc-happy-sad").json();

    @BeforeAll
    static void loadTheValidatorOnce() {
        // the first read loads the schema validator; the time bounds below are about reading, not class loading
        BuiltinProtocols.resolve("expression-abx").read();
    }

    /** The built-in two-AFC protocol with one piece of text replaced (which must occur exactly once). */
    private static String twoAfcWith(String from, String to) {
        assertThat(TWO_AFC.split(java.util.regex.Pattern.quote(from), -1)).as(from).hasSize(2);
        return TWO_AFC.replace(from, to);
    }

    private static List<Problem> problems(String json) {
        InvalidProtocolException e = catchThrowableOfType(InvalidProtocolException.class, () -> ProtocolReader.read(json, "p.json"));
        assertThat(e).as("must be rejected").isNotNull();
        assertThat(e.getMessage()).as("one line per problem").hasLineCount(e.problems().size() == 1 ? 1 : e.problems().size() + 1);
        return e.problems();
    }

    /** 1-based line and column of the first occurrence of {@code text}. */
    private static int[] place(String json, String text) {
        int at = json.indexOf(text);
        int line = (int) json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new int[] {line, at - json.lastIndexOf('\n', at - 1)};
    }

    @ParameterizedTest(name = "repetitions {0}")
    @CsvSource(delimiter = '|', value = {
            "2147483648 | 2147483648", "2147483647 | 2147483647", "9223372036854775808 | 9223372036854775808",
            "1e308 | 1E+308", "1e999999999 | 1E+999999999", "0 | 0", "-1 | -1", "1000001 | 1000001",
            // a decimal that the schema validator would compare through its wrapped-around long value (1)
            "1.8446744073709551617E19 | 18446744073709551617"})
    void repetitionsOutOfRangeAreOneLocatedProblem(String written, String shown) {
        String json = twoAfcWith("\"repetitions\": 30,", "\"repetitions\": " + written + ",");
        int[] place = place(json, "\"repetitions\": " + written);
        long start = System.nanoTime();
        assertThat(problems(json)).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                .containsExactly(tuple("$.repetitions", place[0], place[1],
                        shown + " is out of range: give a whole number from 1 to 1,000,000"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aWholeNumberWrittenAsADecimalIsThatNumber() {
        Protocol protocol = ProtocolReader.read(twoAfcWith("\"repetitions\": 30,", "\"repetitions\": 3.0e1,"), "p.json");
        assertThat(protocol.repetitions()).isEqualTo(30);
        assertThat(problems(twoAfcWith("\"repetitions\": 30,", "\"repetitions\": 30.5,")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple("$.repetitions", "number found, integer expected: give a whole number from 1 to 1,000,000"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "\"stimulus\": {\"ms\": 1000}       | \"stimulus\": {\"ms\": 0.5}        | $.timing.stimulus.ms       | 0.5 is out of range: give a number from 1 to 3,600,000",
            "\"stimulus\": {\"ms\": 1000}       | \"stimulus\": {\"ms\": 1e-400}     | $.timing.stimulus.ms       | 1E-400 is out of range: give a number from 1 to 3,600,000",
            "\"stimulus\": {\"ms\": 1000}       | \"stimulus\": {\"ms\": 3600000.5}  | $.timing.stimulus.ms       | 3600000.5 is out of range: give a number from 1 to 3,600,000",
            "\"stimulus\": {\"ms\": 1000}       | \"stimulus\": {\"ms\": 1e308}      | $.timing.stimulus.ms       | 1E+308 is out of range: give a number from 1 to 3,600,000",
            "\"stimulus\": {\"ms\": 1000}       | \"stimulus\": {\"frames\": 0}      | $.timing.stimulus.frames   | 0 is out of range: give a whole number from 1 to 1,000,000",
            "\"stimulus\": {\"ms\": 1000}       | \"stimulus\": {\"frames\": 2147483648} | $.timing.stimulus.frames | 2147483648 is out of range: give a whole number from 1 to 1,000,000",
            "\"every\": 70                      | \"every\": -1                      | $.breaks.every             | -1 is out of range: give a whole number from 0 to 1,000,000",
            "\"every\": 70                      | \"every\": 9223372036854775807     | $.breaks.every             | 9223372036854775807 is out of range: give a whole number from 0 to 1,000,000",
            "\"every\": 70                      | \"every\": 1e999999999             | $.breaks.every             | 1E+999999999 is out of range: give a whole number from 0 to 1,000,000",
            "\"maxSameLevel\": 3                | \"maxSameLevel\": 0                | $.randomisation.maxSameLevel | 0 is out of range: give a whole number from 1 to 1,000,000",
            "\"maxSameLevel\": 3                | \"maxSameLevel\": 4294967296       | $.randomisation.maxSameLevel | 4294967296 is out of range: give a whole number from 1 to 1,000,000",
            "\"repetitions\": 3,                | \"repetitions\": 2147483648,       | $.blocks[0].repetitions    | 2147483648 is out of range: give a whole number from 1 to 1,000,000",
            "\"levels\": [0, 20, 30, 50         | \"levels\": [0, 20, 30, 1e10       | $.factors[0].levels[3]     | 10000000000 is out of range: give a number from -1,000,000,000 to 1,000,000,000"})
    void everyNumberOutsideItsRangeIsOneLocatedProblem(String from, String to, String path, String message) {
        String json = twoAfcWith(from, to);
        assertThat(problems(json)).extracting(Problem::path, Problem::message).containsExactly(tuple(path, message));
    }

    @Test
    void aSessionOverTheTrialLimitIsReportedAtTheNumberThatSetsIt() {
        long start = System.nanoTime();
        // 7 levels x 1,000,000 repetitions; the 'networks' variant shares the protocol's repetitions, so one report
        assertThat(problems(twoAfcWith("\"repetitions\": 30,", "\"repetitions\": 1000000,")))
                .extracting(Problem::path, Problem::line, Problem::message)
                .containsExactly(tuple("$.repetitions", 24, "block 'main' would have 7,000,000 trials (7 per repetition"
                        + " × 1,000,000 repetitions), more than the 1,000,000 a session may have; lower the repetitions or"
                        + " the levels"));
        // the practice block's own repetitions: 2 levels x 600,000
        assertThat(problems(twoAfcWith("\"repetitions\": 3,", "\"repetitions\": 600000,")))
                .extracting(Problem::path).containsExactly("$.blocks[0].repetitions");
        // each block within the limit, both together over it: 2 x 3 + 7 x 142,857 = 1,000,005
        assertThat(problems(twoAfcWith("\"repetitions\": 30,", "\"repetitions\": 142857,")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple("$.repetitions", "the 2 blocks would have 1,000,005 trials together, more than the"
                        + " 1,000,000 a session may have; lower the repetitions or the levels, or split the protocol"));
        // only the variant is over the limit: its 21 levels x 50,000 repetitions
        assertThat(problems(twoAfcWith("\"practice\": false}", "\"practice\": false, \"repetitions\": 50000}")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple("$.variants[0].repetitions", "block 'main' in variant 'networks' would have"
                        + " 1,050,000 trials (21 per repetition × 50,000 repetitions), more than the 1,000,000 a session may"
                        + " have; lower the repetitions or the levels"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aSessionOfExactlyTheTrialLimitIsPlannedAndOneMoreIsNot() {
        String atLimit = """
                {"format": "tandem-protocol/1", "id": "at-limit", "title": "Two levels, half a million times",
                 "stimulusSets": [{"name": "synthetic-faces", "identity": "average"}],
                 "task": {"kind": "two-afc", "continuum": {"factor": "happiness", "from": "sad", "to": "happy"},
                          "labels": [{"label": "happy", "key": "A", "end": "to"}, {"label": "sad", "key": "S", "end": "from"}]},
                 "factors": [{"name": "happiness", "levels": [0, 100]}],
                 "repetitions": 500000,
                 "timing": {"stimulus": {"ms": 500}}}
                """;
        assertThat(Planner.plan(ProtocolReader.read(atLimit, "p.json"), 1).size()).isEqualTo(ProtocolLimits.MAX_TRIALS);
        assertThat(problems(atLimit.replace("500000", "500001"))).extracting(Problem::path, Problem::line, Problem::column)
                .containsExactly(tuple("$.repetitions", 6, 2));
    }

    @Test
    void listsLongerThanTheirLimitAreRefused() {
        StringBuilder levels = new StringBuilder("0");
        for (int i = 1; i <= ProtocolLimits.MAX_LEVELS; i++) {
            levels.append(", ").append(i / 10.0);
        }
        assertThat(problems(twoAfcWith("[0, 20, 30, 50, 70, 80, 100]", "[" + levels + "]")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple("$.factors[0].levels", "must have at most 1,000 items but found 1,001"));
    }
}
