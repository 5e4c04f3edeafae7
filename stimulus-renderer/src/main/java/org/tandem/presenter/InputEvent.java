package org.tandem.presenter;

/**
 * One input event, copied out of the {@link InputQueue}. Mutable on purpose: the frame loop reuses one instance, so
 * reading input allocates nothing.
 */
public final class InputEvent {
    public enum Kind { KEY, CHARACTER, CLICK }

    Kind kind;
    int code;
    double x;
    double y;
    long nanos;

    public Kind kind() {
        return kind;
    }

    /** GLFW key code (KEY), Unicode code point (CHARACTER) or mouse button (CLICK). */
    public int code() {
        return code;
    }

    /** Click position in canvas pixels (top-left origin). */
    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    /** {@link System#nanoTime()} taken in the input callback, on the same clock as flip timestamps. */
    public long nanos() {
        return nanos;
    }
}
