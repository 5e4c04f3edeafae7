package org.tandem.presenter;

/**
 * How large a stimulus is drawn: at its native pixel size (the exact raster, no resampling), at a width in pixels, or
 * at a width in degrees of visual angle. Height follows the image's aspect ratio.
 */
public sealed interface StimulusSize {

    /** The drawn width and height in whole pixels for an image of {@code width} x {@code height}. */
    int[] pixels(int width, int height);

    record Native() implements StimulusSize {
        @Override
        public int[] pixels(int width, int height) {
            return new int[] {width, height};
        }
    }

    record Pixels(int width) implements StimulusSize {
        public Pixels {
            if (width <= 0) {
                throw new IllegalArgumentException("stimulus width must be positive, got " + width + " px");
            }
        }

        @Override
        public int[] pixels(int imageWidth, int imageHeight) {
            return scaled(width, imageWidth, imageHeight);
        }
    }

    record Degrees(double width, VisualAngle angle) implements StimulusSize {
        public Degrees {
            if (!(width > 0)) {
                throw new IllegalArgumentException("stimulus width must be positive, got " + width + " degrees");
            }
        }

        @Override
        public int[] pixels(int imageWidth, int imageHeight) {
            return scaled((int) Math.round(angle.pixels(width)), imageWidth, imageHeight);
        }
    }

    private static int[] scaled(int drawnWidth, int width, int height) {
        return new int[] {drawnWidth, Math.max(1, (int) Math.round((double) drawnWidth * height / width))};
    }
}
