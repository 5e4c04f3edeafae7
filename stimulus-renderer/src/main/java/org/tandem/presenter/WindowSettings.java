package org.tandem.presenter;

/**
 * How the presenter's window is opened.
 *
 * @param screen  the monitor to fill (0 = primary), or null for a window of {@code width} x {@code height}
 * @param width   window width in screen coordinates when windowed
 * @param height  window height in screen coordinates when windowed
 * @param title   window title
 */
public record WindowSettings(Integer screen, int width, int height, String title) {

    public WindowSettings {
        if (screen != null && screen < 0) {
            throw new IllegalArgumentException("screen must be 0 or more, got " + screen);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("window size must be positive, got " + width + "x" + height);
        }
    }

    public static WindowSettings windowed(int width, int height) {
        return new WindowSettings(null, width, height, "Tandem");
    }

    public static WindowSettings fullscreen(int screen) {
        return new WindowSettings(screen, 1, 1, "Tandem");
    }

    public boolean fullscreen() {
        return screen != null;
    }
}
