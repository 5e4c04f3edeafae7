package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.*;

import java.util.Locale;
import org.tandem.protocols.TandemException;

/** The key names a protocol may give ({@code A}-{@code Z}, {@code 0}-{@code 9}, {@code SPACE}, ...) as GLFW key codes. */
public final class KeyNames {
    private KeyNames() {
    }

    /**
     * @throws TandemException when the name is not one of the protocol format's keys
     */
    public static int glfwKey(String name) {
        String key = name.toUpperCase(Locale.ROOT);
        if (key.length() == 1 && key.charAt(0) >= 'A' && key.charAt(0) <= 'Z') {
            return GLFW_KEY_A + (key.charAt(0) - 'A');
        }
        if (key.length() == 1 && key.charAt(0) >= '0' && key.charAt(0) <= '9') {
            return GLFW_KEY_0 + (key.charAt(0) - '0');
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
                    + " A-Z, 0-9, SPACE, ENTER, LEFT, RIGHT, UP, DOWN or KP_0-KP_9");
        };
    }
}
