package org.tandem.presenter;

/** An RGBA colour with channels 0..1; the constants are shared so drawing allocates nothing per frame. */
public record Colour(float r, float g, float b, float a) {
    public static final Colour BLACK = grey(0);
    public static final Colour WHITE = grey(255);
    /** The background of every screen: mid grey, so stimuli appear on a neutral field. */
    public static final Colour BACKGROUND = grey(128);
    public static final Colour BOX = grey(96);
    public static final Colour CORRECT = rgb(40, 150, 60);
    public static final Colour WRONG = rgb(190, 50, 40);

    public static Colour rgb(int r, int g, int b) {
        return new Colour(r / 255f, g / 255f, b / 255f, 1f);
    }

    public static Colour grey(int level) {
        return rgb(level, level, level);
    }
}
