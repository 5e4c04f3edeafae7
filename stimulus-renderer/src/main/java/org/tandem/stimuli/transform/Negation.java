package org.tandem.stimuli.transform;

import org.tandem.protocols.observer.Raster;

/** Contrast negation (a photographic negative): every channel value v becomes 255 − v. */
public final class Negation {

    private Negation() {
    }

    public static Raster apply(Raster image) {
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (255 - (rgb[i] & 0xFF));
        }
        return new Raster(image.width(), image.height(), rgb);
    }
}
