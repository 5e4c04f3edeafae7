package org.tandem.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.validation.InvalidProtocolException;
import org.tandem.protocols.validation.Problem;

/** Reading protocol text: canonical levels, strict JSON, and problems placed where they are written. */
class ProtocolReaderTest {

    /** A valid two-AFC protocol, one member per line; {@code extra} lines go before "timing". */
    private static String twoAfc(String levels, String... extra) {
        return String.join("\n",
                "{",
                "  \"format\": \"tandem-protocol/1\",",
                "  \"id\": \"reader-test\",",
                "  \"title\": \"Reader test\",",
                "  \"stimulusSets\": [{\"name\": \"synthetic-faces\", \"identity\": \"average\"}],",
                "  \"task\": {\"kind\": \"two-afc\", \"continuum\": {\"factor\": \"happiness\", \"from\": \"sad\", \"to\": \"happy\"},",
                "           \"labels\": [{\"label\": \"happy\", \"key\": \"A\", \"end\": \"to\"}, {\"label\": \"sad\", \"key\": \"S\", \"end\": \"from\"}]},",
                "  \"factors\": [{\"name\": \"happiness\", \"levels\": [" + levels + "]}],",
                "  \"repetitions\": 2,",
                String.join("\n", extra) + (extra.length > 0 ? "\n" : "")
                        + "  \"timing\": {\"stimulus\": {\"ms\": 500}}",
                "}");
    }

    private static List<Problem> problems(String json) {
        InvalidProtocolException e = catchThrowableOfType(InvalidProtocolException.class, () -> ProtocolReader.read(json, "t.json"));
        assertThat(e).as("must be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void theTemplateIsValid() {
        assertThat(ProtocolReader.read(twoAfc("0, 50, 100"), "t.json").factor("happiness").levels())
                .containsExactly("0", "50", "100");
    }

    @Test
    void numericLevelsAreCanonicalTextEverywhere() {
        Protocol protocol = ProtocolReader.read(twoAfc("0, 20.0, 50, 1E2",
                "  \"blocks\": [{\"name\": \"practice\", \"practice\": true, \"levels\": {\"happiness\": [0.0, 100]}}, {\"name\": \"main\"}],",
                "  \"variants\": [{\"name\": \"fine\", \"levels\": {\"happiness\": [0, 12.50, 25.000, 0.1]}}],"), "t.json");
        assertThat(protocol.factor("happiness").levels()).containsExactly("0", "20", "50", "100");
        assertThat(protocol.blocks().get(0).levels().get("happiness")).containsExactly("0", "100");
        assertThat(protocol.variant("fine").orElseThrow().levels().get("happiness")).containsExactly("0", "12.5", "25", "0.1");
        // a trial of level 20.0 shows the image of level 20
        assertThat(Planner.plan(protocol, 1).trials()).anySatisfy(t ->
                assertThat(t.stimulus("S").id()).isEqualTo("synthetic-faces/average/sad-happy@20"));
    }

    @Test
    void levelsThatAreEqualAsNumbersAreOneLevel() {
        assertThat(problems(twoAfc("0, 20, 20.0, \"20\", 50")))
                .extracting(Problem::path, Problem::line, Problem::message)
                .containsExactly(
                        tuple("$.factors[0].levels[2]", 8, "level 20 is listed twice (20, 20.0 and \"20\" are the same level)"),
                        tuple("$.factors[0].levels[3]", 8, "level 20 is listed twice (20, 20.0 and \"20\" are the same level)"));
        assertThat(problems(twoAfc("0, 50, 100", "  \"blocks\": [{\"name\": \"main\", \"levels\": {\"happiness\": [50, 50.0]}}],")))
                .extracting(Problem::path).containsExactly("$.blocks[0].levels.happiness[1]");
    }

    @Test
    void hugeNumbersAreProblemsNotCrashes() {
        assertThat(problems(twoAfc("0, 1e400"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.factors[0].levels[1]");
            assertThat(p.message()).isEqualTo("1E+400 is out of range: give a number from -1,000,000,000 to 1,000,000,000");
        });
        // an exponent this large must not be written out digit by digit
        long start = System.nanoTime();
        assertThat(problems(twoAfc("0, 1e999999999, -1e-999999999, 1e-999999999"))).extracting(Problem::message).containsExactly(
                "1E+999999999 is out of range: give a number from -1,000,000,000 to 1,000,000,000",
                "continuum level -1E-999999999 is outside 0–100 %");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMemberGivenTwiceIsAnError() {
        String json = twoAfc("0, 100").replace("  \"repetitions\": 2,", "  \"repetitions\": 2,\n  \"repetitions\": 3,");
        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.repetitions");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).isEqualTo("member 'repetitions' is given twice in the same object; keep one of them");
        });
    }

    @Test
    void textAfterTheProtocolIsAnError() {
        assertThat(problems(twoAfc("0, 100") + "\n{\"id\": \"second\"}")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("not valid JSON: more text after the protocol's closing '}'; remove it");
        });
        assertThat(ProtocolReader.read(twoAfc("0, 100") + "\n\n  \n", "t.json").id()).isEqualTo("reader-test");
    }

    @Test
    void somethingOtherThanAnObjectIsNoProtocol() {
        for (String json : List.of("[]", "\"protocol\"", "null", "7")) {
            assertThat(problems(json)).singleElement().extracting(Problem::path, Problem::message)
                    .containsExactly("$", "a protocol must be a JSON object, {...}");
        }
        for (String json : List.of("", "   \n\t")) {
            assertThat(problems(json)).singleElement().extracting(Problem::path, Problem::line, Problem::column)
                    .containsExactly("$", 1, 1);
            assertThat(problems(json).get(0).message()).startsWith("the protocol is empty: write one JSON object");
        }
    }

    @Test
    void anUnknownMemberIsPlacedAtItsKey() {
        String json = twoAfc("0, 100").replace("{\"label\": \"sad\",", "{\"label\": \"sad\", \"colour\": \"red\",");
        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.task.labels[1].colour");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(json.split("\n")[6].indexOf("\"colour\"") + 1);
        });
    }

    @Test
    void aMissingMemberIsPlacedAtTheObjectThatLacksIt() {
        String json = twoAfc("0, 100").replace("  \"title\": \"Reader test\",\n", "");
        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("required property 'title' not found");
        });
        String noEnd = twoAfc("0, 100").replace("\"key\": \"S\", \"end\": \"from\"", "\"key\": \"S\"");
        int column = noEnd.split("\n")[6].indexOf("{\"label\": \"sad\"") + 1;
        assertThat(problems(noEnd)).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                .containsExactly(tuple("$.task.labels[1]", 7, column, "required property 'end' not found"));
    }

    @Test
    void aRejectedMemberDoesNotHideTheOtherProblems() {
        // "often" cannot be bound as a number at all; the duplicate key is still found in the same round
        String json = twoAfc("0, 100", "  \"breaks\": {\"every\": \"often\"},").replace("\"key\": \"S\"", "\"key\": \"A\"");
        assertThat(problems(json)).extracting(Problem::path)
                .containsExactly("$.task.labels[1].key", "$.breaks.every");
    }

    @Test
    void randomisationWithoutAnOrderIsFullRandom() {
        Protocol protocol = ProtocolReader.read(twoAfc("0, 30, 70, 100", "  \"randomisation\": {\"maxSameLevel\": 1},"), "t.json");
        assertThat(protocol.randomisation().order()).isEqualTo("random");
        assertThat(Planner.plan(protocol, 3).size()).isEqualTo(8);
    }

    @Test
    void variantLevelsOfAContinuumMustBePercentages() {
        assertThat(problems(twoAfc("0, 50, 100", "  \"variants\": [{\"name\": \"n\", \"levels\": {\"happiness\": [-5, 50, 50.0, \"half\"]}}],")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(
                        tuple("$.variants[0].levels.happiness[0]", "continuum level -5 is outside 0–100 %"),
                        tuple("$.variants[0].levels.happiness[2]", "level 50 is listed twice (20, 20.0 and \"20\" are the same level)"),
                        tuple("$.variants[0].levels.happiness[3]", "continuum level 'half' must be a number (percent)"));
    }

    @Test
    void anAbxBlockMustKeepAPairOfLevels() {
        String abx = twoAfc("0, 25, 50, 75, 100",
                "  \"blocks\": [{\"name\": \"practice\", \"practice\": true, \"levels\": {\"happiness\": [0, 50]}}, {\"name\": \"main\"}],",
                "  \"variants\": [{\"name\": \"coarse\", \"levels\": {\"happiness\": [0, 50, 100]}}],")
                .replace("\"kind\": \"two-afc\",", "\"kind\": \"abx\", \"step\": 1,")
                .replace("\"end\": \"to\"", "\"matches\": \"A\"").replace("\"end\": \"from\"", "\"matches\": \"B\"");
        // with step 1, the practice levels 0 and 50 are two steps apart on the declared continuum, but one on the variant's
        assertThat(problems(abx)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.blocks[0].levels.happiness");
            assertThat(p.message()).isEqualTo("block 'practice' keeps no two levels 1 step apart on the continuum, so it has no ABX trials");
        });
        String coarseFails = abx.replace("[0, 50]}}", "[0, 25]}}");
        assertThat(problems(coarseFails)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.blocks[0].levels.happiness");
            assertThat(p.message()).contains("on the continuum of variant 'coarse'");
        });
        assertThat(Planner.plan(ProtocolReader.read(abx.replace("[0, 50]}}", "[0, 25, 50]}}"), "t.json"), "coarse", 1)
                .trials()).anyMatch(t -> t.practice());
    }

    @Test
    void anUnknownVariantIsAClearError() {
        Protocol protocol = ProtocolReader.read(twoAfc("0, 100"), "t.json");
        assertThatThrownBy(() -> Planner.plan(protocol, "networks", 1)).isInstanceOf(TandemException.class)
                .hasMessage("protocol reader-test has no variant 'networks'; it declares none");
    }
}
