package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.*;

import java.util.Locale;
import org.tandem.protocols.TandemException;

/**
 * The key names a protocol may give (a letter or digit as printed on the key, {@code SPACE}, {@code LEFT}, ...) as GLFW
 * key codes.
 */
public final class KeyNames {
    private KeyNames() {
    }

    /**
     * A key at its US position ({@code A} is the key a US keyboard prints A on, wherever the layout puts A).
     *
     * @throws TandemException when the name is not one of the protocol format's keys
     */
    public static int glfwKey(String name) {
        return glfwKey(name, KeyboardLayout.US_POSITIONS);
    }

    /**
     * A key as the protocol names it: a single character is the key that prints it in {@code layout}; other names
     * ({@code SPACE}, {@code LEFT}, {@code KP_1}, ...) are the same on every layout.
     *
     * @throws TandemException when the name is not one of the protocol format's keys, or no key of the layout prints it
     */
    public static int glfwKey(String name, KeyboardLayout layout) {
        String key = name.toUpperCase(Locale.ROOT);
        if (key.codePointCount(0, key.length()) == 1) {
            int code = layout.keyOf(key.codePointAt(0));
            if (code < 0) {
                throw new TandemException("task.labels: key '" + name + "' is printed on no key of this keyboard ("
                        + layout.describe() + "); choose a key the keyboard has, switch its layout, or set"
                        + " timing.keys to positions");
            }
            return code;
        }
        if (key.length() == 4 && key.startsWith("KP_") && Character.isDigit(key.charAt(3))) {
            return GLFW_KEY_KP_0 + (key.charAt(3) - '0');
        }
        return switch (key) {
            case "SPACE" -> GLFW_KEY_SPACE;
            case "ENTER" -> GLFW_KEY_ENTER;
            case "LEFT" -> GLFW_KEY_LEFT;
            case "RIGHT" -> GLFW_KEY_RIGHT;
            case "UP" -> GLFW_KEY_UP;
            case "DOWN" -> GLFW_KEY_DOWN;
            default -> throw new TandemException("task.labels: key '" + name + "' is not a key the station knows; use"
                    + " a letter or digit as printed on the key, SPACE, ENTER, LEFT, RIGHT, UP, DOWN or KP_0-KP_9");
        };
    }
}
