package org.tandem.stimuli.transform;

import org.tandem.protocols.observer.Raster;

/**
 * Upside-down presentation for the face-inversion effect: a 180° rotation (rows and columns both reversed), not a
 * top-bottom mirror, so the left eye ends up on the right as it does when a photograph is turned over.
 */
public final class Inversion {

    private Inversion() {
    }

    public static Raster apply(Raster image) {
        byte[] in = image.rgb();
        byte[] out = new byte[in.length];
        int pixels = in.length / 3;
        for (int p = 0; p < pixels; p++) {
            System.arraycopy(in, p * 3, out, (pixels - 1 - p) * 3, 3);
        }
        return new Raster(image.width(), image.height(), out);
    }
}
