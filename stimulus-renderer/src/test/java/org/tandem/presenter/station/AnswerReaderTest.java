package org.tandem.presenter.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lwjgl.glfw.GLFW.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.InputQueue;
import org.tandem.presenter.LabelBox;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;

class AnswerReaderTest {
    private static final List<LabelBox> BOXES = List.of(new LabelBox("happy", 100, 500, 80, 40),
            new LabelBox("sad", 200, 500, 80, 40));

    private static ResponseRules rules(boolean clicks, boolean acceptEarly) {
        return new ResponseRules(List.of("happy", "sad"), java.util.Arrays.asList("A", "S"),
                List.of(GLFW_KEY_A, GLFW_KEY_S), clicks, acceptEarly, false);
    }

    @Test
    void theFirstLabelKeyFromOnsetOnAnswersAndOtherKeysAreIgnored() {
        InputQueue queue = new InputQueue(16);
        AnswerReader reader = new AnswerReader(queue, rules(true, false), BOXES);
        reader.start(1_000);
        queue.key(GLFW_KEY_S, 900);   // before onset: ignored
        queue.key(GLFW_KEY_X, 1_100); // no label's key
        assertThat(reader.read()).isFalse();
        queue.key(GLFW_KEY_S, 1_200);
        queue.key(GLFW_KEY_A, 1_300);
        assertThat(reader.read()).isTrue();
        assertThat(reader.answer()).isEqualTo(1);
        assertThat(reader.answerNanos()).isEqualTo(1_200);
        assertThat(reader.pauseAsked()).isFalse();
        assertThat(queue.size()).as("later events stay queued").isEqualTo(1);
    }

    @Test
    void earlyPressesAnswerWhenTheProtocolAcceptsThem() {
        InputQueue queue = new InputQueue(16);
        AnswerReader reader = new AnswerReader(queue, rules(true, true), BOXES);
        reader.start(1_000);
        queue.key(GLFW_KEY_A, 900);
        assertThat(reader.read()).isTrue();
        assertThat(reader.answer()).isZero();
        assertThat(reader.answerNanos()).isEqualTo(900);
    }

    @Test
    void leftClicksOnABoxAnswerOnlyWhenClicksAreAnInput() {
        InputQueue queue = new InputQueue(16);
        AnswerReader reader = new AnswerReader(queue, rules(true, false), BOXES);
        reader.start(0);
        queue.click(GLFW_MOUSE_BUTTON_LEFT, 10, 10, 5);      // on no box
        queue.click(GLFW_MOUSE_BUTTON_RIGHT, 210, 510, 6);   // right button
        assertThat(reader.read()).isFalse();
        queue.click(GLFW_MOUSE_BUTTON_LEFT, 210, 510, 7);
        assertThat(reader.read()).isTrue();
        assertThat(reader.answer()).isEqualTo(1);

        AnswerReader keysOnly = new AnswerReader(queue, rules(false, false), BOXES);
        keysOnly.start(0);
        queue.click(GLFW_MOUSE_BUTTON_LEFT, 110, 510, 8);
        assertThat(keysOnly.read()).isFalse();
    }

    @Test
    void escapeAsksForThePause() {
        InputQueue queue = new InputQueue(16);
        AnswerReader reader = new AnswerReader(queue, rules(true, false), BOXES);
        reader.start(1_000);
        queue.key(GLFW_KEY_ESCAPE, 500);
        assertThat(reader.read()).isTrue();
        assertThat(reader.pauseAsked()).isTrue();
        assertThat(reader.answer()).isEqualTo(-1);
        reader.start(2_000);
        assertThat(reader.pauseAsked()).isFalse();
    }

    @Test
    void rulesFollowTheProtocolsKeysInputAndTiming() {
        Protocol twoAfc = BuiltinProtocols.resolve("expression-2afc-happy-sad").read();
        ResponseRules rules = ResponseRules.of(twoAfc);
        assertThat(rules.labels()).containsExactly("happy", "sad");
        assertThat(rules.labelOfKey(GLFW_KEY_A)).isZero();
        assertThat(rules.labelOfKey(GLFW_KEY_S)).isEqualTo(1);
        assertThat(rules.labelOfKey(GLFW_KEY_D)).isEqualTo(-1);
        assertThat(rules.boxTexts()).containsExactly("happy (A)", "sad (S)");
        assertThat(rules.acceptEarly()).isFalse();
        assertThat(rules.acceptLate()).isFalse();

        ResponseRules sixWay = ResponseRules.of(BuiltinProtocols.resolve("expression-6way").read());
        assertThat(sixWay.labelOfKey(GLFW_KEY_4)).isEqualTo(3);
        assertThat(sixWay.clicks()).isTrue();
        assertThat(sixWay.acceptLate()).isTrue();
    }

    @Test
    void keyNamesMapToGlfwKeysAndUnknownOnesAreNamed() {
        assertThat(KeyNames.glfwKey("f")).isEqualTo(GLFW_KEY_F);
        assertThat(KeyNames.glfwKey("7")).isEqualTo(GLFW_KEY_7);
        assertThat(KeyNames.glfwKey("KP_3")).isEqualTo(GLFW_KEY_KP_3);
        assertThat(KeyNames.glfwKey("SPACE")).isEqualTo(GLFW_KEY_SPACE);
        assertThat(KeyNames.glfwKey("LEFT")).isEqualTo(GLFW_KEY_LEFT);
        assertThatThrownBy(() -> KeyNames.glfwKey("F13")).isInstanceOf(TandemException.class)
                .hasMessageContaining("'F13'").hasMessageContaining("a letter or digit as printed on the key");
    }
}
