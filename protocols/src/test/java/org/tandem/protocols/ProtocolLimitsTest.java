package org.tandem.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published schema bounds every number, with the limits the code enforces; the frame arithmetic fits its types. */
class ProtocolLimitsTest {
    private static final JsonNode SCHEMA = schema();

    private static JsonNode schema() {
        try {
            return CanonicalJson.mapper().readTree(ProtocolReader.schemaText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyNumberInTheSchemaHasARange() {
        List<String> unbounded = new ArrayList<>();
        walk(SCHEMA, "", unbounded);
        assertThat(unbounded).as("numbers without minimum and maximum").isEmpty();
    }

    private static void walk(JsonNode node, String pointer, List<String> unbounded) {
        if (node.isObject()) {
            JsonNode type = node.path("type");
            boolean numeric = type.isArray()
                    ? type.toString().contains("\"number\"") || type.toString().contains("\"integer\"")
                    : type.asText().equals("number") || type.asText().equals("integer");
            if (numeric && !(node.has("minimum") && node.has("maximum"))) {
                unbounded.add(pointer);
            }
            node.fields().forEachRemaining(e -> walk(e.getValue(), pointer + "/" + e.getKey(), unbounded));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, unbounded);
            }
        }
    }

    @Test
    void theSchemaStatesTheLimitsTheCodeEnforces() {
        Map<String, Long> maxima = Map.ofEntries(
                Map.entry("/properties/repetitions/maximum", (long) ProtocolLimits.MAX_REPETITIONS),
                Map.entry("/properties/blocks/items/properties/repetitions/maximum", (long) ProtocolLimits.MAX_REPETITIONS),
                Map.entry("/properties/variants/items/properties/repetitions/maximum", (long) ProtocolLimits.MAX_REPETITIONS),
                Map.entry("/properties/randomisation/properties/maxSameLevel/maximum", (long) ProtocolLimits.MAX_RUN_LENGTH),
                Map.entry("/properties/randomisation/properties/maxSameAnswer/maximum", (long) ProtocolLimits.MAX_RUN_LENGTH),
                Map.entry("/properties/breaks/properties/every/maximum", (long) ProtocolLimits.MAX_BREAK_INTERVAL),
                Map.entry("/$defs/duration/properties/ms/minimum", (long) ProtocolLimits.MIN_MS),
                Map.entry("/$defs/duration/properties/ms/maximum", (long) ProtocolLimits.MAX_MS),
                Map.entry("/$defs/duration/properties/frames/maximum", (long) ProtocolLimits.MAX_FRAMES),
                Map.entry("/$defs/abx/properties/step/maximum", (long) ProtocolLimits.MAX_ABX_STEP),
                Map.entry("/$defs/level/maximum", ProtocolLimits.MAX_LEVEL_MAGNITUDE),
                Map.entry("/$defs/level/minimum", -ProtocolLimits.MAX_LEVEL_MAGNITUDE),
                Map.entry("/$defs/levels/maxItems", (long) ProtocolLimits.MAX_LEVELS),
                Map.entry("/properties/factors/maxItems", (long) ProtocolLimits.MAX_FACTORS),
                Map.entry("/properties/blocks/maxItems", (long) ProtocolLimits.MAX_BLOCKS),
                Map.entry("/properties/variants/maxItems", (long) ProtocolLimits.MAX_VARIANTS),
                Map.entry("/properties/stimulusSets/maxItems", (long) ProtocolLimits.MAX_STIMULUS_SETS),
                Map.entry("/properties/instructions/maxItems", (long) ProtocolLimits.MAX_INSTRUCTION_SCREENS),
                Map.entry("/$defs/classification/properties/labels/maxItems", (long) ProtocolLimits.MAX_LABELS));
        maxima.forEach((pointer, limit) -> assertThat(SCHEMA.at(pointer).longValue()).as(pointer).isEqualTo(limit));
    }

    /**
     * The station turns durations into frames and frames into nanoseconds. At the fastest display the limits are stated
     * for, the longest duration on every screen of a trial (fixation, three ABX faces, two gaps, mask, response window,
     * inter-trial interval) still fits an int of frames, and any frame count at a 1 Hz display fits a long of nanoseconds.
     */
    @Test
    void theLongestDurationsFitTheFrameArithmetic() {
        int screensPerTrial = 9;
        long longestInFrames = Math.max(ProtocolLimits.MAX_FRAMES,
                Timing.Duration.ofMs(ProtocolLimits.MAX_MS).toFrames(ProtocolLimits.MAX_REFRESH_HZ));
        assertThat(longestInFrames).isEqualTo(3_600_000);
        assertThat(longestInFrames * screensPerTrial).isLessThan(Integer.MAX_VALUE);
        assertThat(Math.multiplyExact(longestInFrames * screensPerTrial, 1_000_000_000L)).isPositive();
    }

    @Test
    void aDurationThatCannotBeFramesIsRefusedNotWrappedAround() {
        Timing.Duration hour = Timing.Duration.ofMs(ProtocolLimits.MAX_MS);
        assertThatThrownBy(() -> hour.toFrames(1e9)).isInstanceOf(TandemException.class)
                .hasMessageContaining("3600000.0 ms at 1.0E9 Hz is no whole number of frames");
        assertThatThrownBy(() -> hour.toFrames(Double.NaN)).isInstanceOf(TandemException.class);
        assertThat(new Timing.Duration(null, ProtocolLimits.MAX_FRAMES).toFrames(Double.NaN)).isEqualTo(1_000_000);
    }
}
