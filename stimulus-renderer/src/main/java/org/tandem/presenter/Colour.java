package org.tandem.presenter;

/** An RGBA colour with channels 0..1; the constants are shared so drawing allocates nothing per frame. */
public record Colour(float r, float g, float b, float a) {
    public static final Colour BLACK = grey(0);
    public static final Colour WHITE = grey(255);
    /** The background of every screen: mid grey, so stimuli appear on a neutral field. */
    public static final Colour BACKGROUND = grey(128);
    public static final Colour BOX = grey(96);
    /** Feedback colours: each at least 3:1 in luminance contrast against the background (WCAG 2), light and dark. */
    public static final Colour CORRECT = rgb(170, 255, 170);
    public static final Colour WRONG = rgb(100, 0, 0);

    /** WCAG 2 relative luminance: sRGB channels linearised, weighted 0.2126, 0.7152, 0.0722. */
    public double relativeLuminance() {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    /** WCAG 2 contrast ratio with another colour, 1 to 21. */
    public double contrastWith(Colour other) {
        double l1 = relativeLuminance();
        double l2 = other.relativeLuminance();
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    private static double linear(float channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    public static Colour rgb(int r, int g, int b) {
        return new Colour(r / 255f, g / 255f, b / 255f, 1f);
    }

    public static Colour grey(int level) {
        return rgb(level, level, level);
    }
}
