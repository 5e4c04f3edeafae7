package org.tandem.stimuli.transform;

import org.tandem.protocols.observer.Raster;

/** Greyscale by BT.601 luma (see {@link Luma}), rounded to nearest with halves up, written to all three channels. */
public final class Greyscale {

    private Greyscale() {
    }

    public static Raster apply(Raster image) {
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            byte grey = (byte) Luma.rounded(Luma.thousandths(rgb, i));
            rgb[i] = grey;
            rgb[i + 1] = grey;
            rgb[i + 2] = grey;
        }
        return new Raster(image.width(), image.height(), rgb);
    }
}
