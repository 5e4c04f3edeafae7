package org.tandem.analysis.report.plot;

import java.awt.Color;

/**
 * Colours for observers: people in greys and black, each network in its own colour from a palette that stays
 * distinguishable for the common colour-vision deficiencies (Okabe and Ito's).
 */
public final class Palette {
    public static final Color HUMAN = new Color(0x22, 0x22, 0x22);
    private static final Color[] NETWORKS = {
        new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x9E, 0x73),
        new Color(0xD5, 0x5E, 0x00), new Color(0xCC, 0x79, 0xA7), new Color(0x00, 0x72, 0xB2),
        new Color(0xF0, 0xE4, 0x42),
        // then Paul Tol's muted wine, teal and indigo, also told apart with colour-blindness
        new Color(0x88, 0x22, 0x55), new Color(0x44, 0xAA, 0x99), new Color(0x33, 0x22, 0x88)};

    private Palette() {
    }

    /** The colour of the i-th network (cycling when there are more networks than colours). */
    public static Color network(int i) {
        return NETWORKS[Math.floorMod(i, NETWORKS.length)];
    }

    public static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** CSS form of a colour, for HTML next to the plots. */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
