package org.tandem.presenter.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lwjgl.glfw.GLFW.*;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.GlPlatform;
import org.tandem.presenter.GlWindow;
import org.tandem.presenter.WindowSettings;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.TandemException;

/**
 * Keys by the characters printed on them, on an X display switched to a French (AZERTY) layout with setxkbmap: the key
 * printed A is where a US keyboard has Q. The layout is switched back to US afterwards, for the tests that follow on
 * the same display.
 */
class KeyboardLayoutTest {
    private GlWindow window;

    @AfterEach
    void backToUs() throws Exception {
        if (window != null) {
            window.close();
        }
        if (GlPlatform.current() == GlPlatform.X11) {
            setxkbmap("us");
        }
    }

    @Test
    void onAFrenchKeyboardTheLabelledKeysAnswer() throws Exception {
        assumeTrue(GlPlatform.current() == GlPlatform.X11, "keyboard layouts need an X display (run under xvfb-run)");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v setxkbmap").start().waitFor() == 0,
                "setxkbmap is needed (apt-get install x11-xkb-utils)");
        setxkbmap("fr");
        window = GlWindow.open(WindowSettings.windowed(64, 64));
        KeyboardLayout fr = KeyboardLayout.active();

        assertThat(fr.keyOf('a')).isEqualTo(GLFW_KEY_Q);
        assertThat(fr.keyOf('A')).as("case ignored").isEqualTo(GLFW_KEY_Q);
        assertThat(fr.keyOf('q')).isEqualTo(GLFW_KEY_A);
        assertThat(fr.keyOf('z')).isEqualTo(GLFW_KEY_W);
        assertThat(fr.keyOf('m')).isEqualTo(GLFW_KEY_SEMICOLON);
        assertThat(fr.keyOf('s')).isEqualTo(GLFW_KEY_S);
        assertThat(fr.keyOf('1')).as("no unshifted 1 on the top row: the keypad's").isEqualTo(GLFW_KEY_KP_1);
        assertThat(fr.characterOf(GLFW_KEY_Q)).isEqualTo("a");
        assertThat(fr.describe()).contains("azertyuiop");

        // expression-2afc-happy-sad: happy on A, sad on S
        ResponseRules rules = ResponseRules.of(BuiltinProtocols.resolve("expression-2afc-happy-sad").read(), fr);
        assertThat(rules.labels().get(rules.labelOfKey(GLFW_KEY_Q))).isEqualTo("happy");
        assertThat(rules.labelOfKey(GLFW_KEY_A)).as("the key printed Q answers nothing").isEqualTo(-1);
        assertThat(KeyNames.glfwKey("Q", KeyboardLayout.US_POSITIONS)).as("positions").isEqualTo(GLFW_KEY_Q);
        assertThatThrownBy(() -> KeyNames.glfwKey("Ж", fr)).isInstanceOf(TandemException.class)
                .hasMessageContaining("'Ж' is printed on no key").hasMessageContaining("timing.keys to positions");
    }

    private static void setxkbmap(String layout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("setxkbmap", layout).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("setxkbmap " + layout + " failed: " + out);
        }
    }
}
