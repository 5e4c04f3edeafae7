package org.tandem.presenter.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_A;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_S;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.KeyCounterbalance;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.plan.Planner;

/** {@code timing.counterbalanceKeys}: half of the participants, by code, answer with the labels' keys reversed. */
class KeyCounterbalanceTest {
    private static Protocol twoAfc(boolean counterbalanced) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode p = (ObjectNode) json.readTree(BuiltinProtocols.resolve("expression-2afc-happy-sad").json());
        if (counterbalanced) {
            ((ObjectNode) p.get("timing")).put("counterbalanceKeys", true);
        }
        return ProtocolReader.read(json.writeValueAsString(p), "test");
    }

    @Test
    void aboutHalfOfTheCodesGetTheKeysReversedAlwaysTheSameWay() throws Exception {
        Protocol protocol = twoAfc(true);
        long reversed = IntStream.range(0, 1000).filter(i -> KeyCounterbalance.reversed(protocol, "P" + i)).count();
        assertThat(reversed).isBetween(450L, 550L);
        String swapped = IntStream.range(0, 100).mapToObj(i -> "P" + i)
                .filter(c -> KeyCounterbalance.reversed(protocol, c)).findFirst().orElseThrow();
        String kept = IntStream.range(0, 100).mapToObj(i -> "P" + i)
                .filter(c -> !KeyCounterbalance.reversed(protocol, c)).findFirst().orElseThrow();

        ResponseRules asWritten = ResponseRules.forParticipant(protocol, KeyboardLayout.US_POSITIONS, kept);
        ResponseRules reversedRules = ResponseRules.forParticipant(protocol, KeyboardLayout.US_POSITIONS, swapped);
        assertThat(asWritten.describeKeys()).isEqualTo("happy=A sad=S");
        assertThat(reversedRules.describeKeys()).isEqualTo("happy=S sad=A");
        assertThat(reversedRules.labels().get(reversedRules.labelOfKey(GLFW_KEY_S))).isEqualTo("happy");
        assertThat(reversedRules.boxTexts()).containsExactly("happy (S)", "sad (A)");
        assertThat(asWritten.labels().get(asWritten.labelOfKey(GLFW_KEY_A))).isEqualTo("happy");
        assertThat(KeyCounterbalance.describe(protocol, swapped)).isEqualTo(KeyCounterbalance.REVERSED);

        Protocol plain = twoAfc(false);
        assertThat(KeyCounterbalance.reversed(plain, swapped)).as("only when the protocol asks").isFalse();
        assertThat(Planner.protocolSha256(plain)).as("a protocol without the field keeps its hash")
                .isEqualTo(Planner.protocolSha256(BuiltinProtocols.resolve("expression-2afc-happy-sad").read()));
        assertThat(Planner.protocolSha256(protocol)).isNotEqualTo(Planner.protocolSha256(plain));
    }
}
