package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_0;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_9;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_A;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_APOSTROPHE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_0;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_9;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_WORLD_2;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_Z;
import static org.lwjgl.glfw.GLFW.glfwGetKeyName;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which key of the keyboard in front of the participant prints which character, in the active layout: on a French
 * keyboard the key printed A is where a US keyboard has Q. GLFW names keys by their US position ({@code GLFW_KEY_Q})
 * and tells the character a printable key gives in the current layout ({@code glfwGetKeyName}); this map turns a
 * protocol's key characters into the positions to listen to. Read once when the station opens (GLFW must be
 * initialised), so a layout switched during a session is not followed.
 */
public final class KeyboardLayout {
    /** US positions: every character is where a US keyboard has it. */
    public static final KeyboardLayout US_POSITIONS = new KeyboardLayout(Map.of(), "US positions");

    private final Map<Integer, Integer> keyOfCharacter;
    private final String description;

    private KeyboardLayout(Map<Integer, Integer> keyOfCharacter, String description) {
        this.keyOfCharacter = Map.copyOf(keyOfCharacter);
        this.description = description;
    }

    /**
     * The active layout's printable keys. Where GLFW names no key at all (its null platform has no keyboard) the
     * layout is {@link #US_POSITIONS}.
     */
    public static KeyboardLayout active() {
        Map<Integer, Integer> map = new HashMap<>();
        for (int key = GLFW_KEY_APOSTROPHE; key <= GLFW_KEY_WORLD_2; key++) {
            String name = glfwGetKeyName(key, 0);
            if (name != null && name.codePointCount(0, name.length()) == 1) {
                map.putIfAbsent(name.toLowerCase(Locale.ROOT).codePointAt(0), key);
            }
        }
        if (map.isEmpty()) {
            return US_POSITIONS;
        }
        // a layout whose top row prints no digits unshifted (French) still has them on the keypad
        for (int key = GLFW_KEY_KP_0; key <= GLFW_KEY_KP_9; key++) {
            String name = glfwGetKeyName(key, 0);
            if (name != null && name.length() == 1) {
                map.putIfAbsent((int) name.charAt(0), key);
            }
        }
        return new KeyboardLayout(map, "active layout: " + summary(map));
    }

    /**
     * The key that prints {@code character} (case ignored), or -1 when no key of this layout does. With
     * {@link #US_POSITIONS}: the US position of a letter or digit.
     */
    public int keyOf(int character) {
        int c = Character.toLowerCase(character);
        if (keyOfCharacter.isEmpty()) {
            if (c >= 'a' && c <= 'z') {
                return GLFW_KEY_A + (c - 'a');
            }
            return c >= '0' && c <= '9' ? GLFW_KEY_0 + (c - '0') : -1;
        }
        return keyOfCharacter.getOrDefault(c, -1);
    }

    /** The character a key prints in this layout, for the events a session stores; {@code key N} when it prints none. */
    public String characterOf(int key) {
        if (keyOfCharacter.isEmpty()) {
            if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) {
                return String.valueOf((char) ('a' + key - GLFW_KEY_A));
            }
            if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) {
                return String.valueOf((char) ('0' + key - GLFW_KEY_0));
            }
        }
        for (Map.Entry<Integer, Integer> e : keyOfCharacter.entrySet()) {
            if (e.getValue() == key) {
                return new String(Character.toChars(e.getKey()));
            }
        }
        return "key " + key;
    }

    /** E.g. {@code active layout: azertyuiop} (the letters of the top row), stored with the session. */
    public String describe() {
        return description;
    }

    private static String summary(Map<Integer, Integer> map) {
        StringBuilder row = new StringBuilder();
        for (int key : new int[] {'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'}) {
            map.forEach((character, k) -> {
                if (k == key) {
                    row.appendCodePoint(character);
                }
            });
        }
        return "top row " + row;
    }
}
