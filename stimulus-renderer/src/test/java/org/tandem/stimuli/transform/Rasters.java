package org.tandem.stimuli.transform;

import org.tandem.protocols.observer.Raster;

/** Small rasters written out by hand, and generated test images. */
final class Rasters {

    private Rasters() {
    }

    /** A raster from its RGB values, row-major. */
    static Raster of(int width, int height, int... rgb) {
        byte[] bytes = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            if (rgb[i] < 0 || rgb[i] > 255) {
                throw new IllegalArgumentException("channel value " + rgb[i]);
            }
            bytes[i] = (byte) rgb[i];
        }
        return new Raster(width, height, bytes);
    }

    /** A grey raster from its grey values, row-major. */
    static Raster grey(int width, int height, int... values) {
        int[] rgb = new int[values.length * 3];
        for (int i = 0; i < values.length; i++) {
            rgb[i * 3] = values[i];
            rgb[i * 3 + 1] = values[i];
            rgb[i * 3 + 2] = values[i];
        }
        return of(width, height, rgb);
    }

    /** Every pixel different: red = x, green = y, blue = (x * 7 + y * 13) mod 256. */
    static Raster coordinates(int width, int height) {
        int[] rgb = new int[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = x % 256;
                rgb[i + 1] = y % 256;
                rgb[i + 2] = (x * 7 + y * 13) % 256;
            }
        }
        return of(width, height, rgb);
    }

    /** A grey diagonal gradient from {@code low} at the top left towards {@code high} at the bottom right. */
    static Raster greyGradient(int width, int height, int low, int high) {
        int[] values = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = (x + y) / (double) (width + height - 2);
                values[y * width + x] = (int) Math.round(low + t * (high - low));
            }
        }
        return grey(width, height, values);
    }

    /** A colour gradient: horizontal ramp in red, vertical in green, blue constant. */
    static Raster colourGradient(int width, int height, int low, int high, int blue) {
        int[] rgb = new int[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (int) Math.round(low + (high - low) * x / (double) (width - 1));
                rgb[i + 1] = (int) Math.round(low + (high - low) * y / (double) (height - 1));
                rgb[i + 2] = blue;
            }
        }
        return of(width, height, rgb);
    }

    static int[] pixel(Raster raster, int x, int y) {
        return new int[] {raster.sample(x, y, 0), raster.sample(x, y, 1), raster.sample(x, y, 2)};
    }
}
