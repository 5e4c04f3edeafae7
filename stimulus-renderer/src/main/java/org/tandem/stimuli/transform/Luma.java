package org.tandem.stimuli.transform;

import org.tandem.protocols.observer.Raster;

/**
 * Luma by ITU-R BT.601: Y = 0.299 R + 0.587 G + 0.114 B. Computed in thousandths with integers, so that rounding is exact
 * (a pixel on a half rounds up, never down by a floating-point hair) and a grey pixel's luma is its grey value.
 */
public final class Luma {

    private Luma() {
    }

    /** 1000 × Y, exactly. */
    public static int thousandths(int red, int green, int blue) {
        return 299 * red + 587 * green + 114 * blue;
    }

    /** 1000 × Y of the pixel whose red sample is at {@code rgb[offset]}. */
    public static int thousandths(byte[] rgb, int offset) {
        return thousandths(rgb[offset] & 0xFF, rgb[offset + 1] & 0xFF, rgb[offset + 2] & 0xFF);
    }

    /** Y rounded to the nearest grey level, halves up. */
    public static int rounded(int thousandths) {
        return (thousandths + 500) / 1000;
    }

    /** Y of every pixel in raster order, exactly (thousandths as a double). */
    public static double[] of(Raster image) {
        byte[] rgb = image.rgb();
        double[] luma = new double[rgb.length / 3];
        for (int p = 0; p < luma.length; p++) {
            luma[p] = thousandths(rgb, p * 3) / 1000.0;
        }
        return luma;
    }

    /** The image's mean luma rounded to the nearest grey level (halves up). */
    public static int meanGrey(Raster image) {
        byte[] rgb = image.rgb();
        long n = rgb.length / 3;
        long sum = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            sum += thousandths(rgb, i);
        }
        return (int) ((sum + 500 * n) / (1000 * n));
    }
}
