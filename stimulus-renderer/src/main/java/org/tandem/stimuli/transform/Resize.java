package org.tandem.stimuli.transform;

import org.tandem.protocols.observer.Raster;

/**
 * Resizes an image to {@code size}×{@code size} (or any width and height), each axis on its own:
 * <ul>
 *   <li>an axis that shrinks is <b>area-averaged</b>: each output pixel is the mean of the source pixels it covers,
 *       weighted by how much of each it covers (a box filter over exact pixel footprints, no aliasing);</li>
 *   <li>an axis that grows is <b>bilinear on pixel centres</b>: output pixel i samples the source at
 *       {@code (i + 0.5) · source / target − 0.5}, clamped to the outermost source pixel centres;</li>
 *   <li>an axis that keeps its size is copied.</li>
 * </ul>
 * Results are rounded to nearest. A resize to the image's own size returns an equal raster. A non-square image resized
 * to N×N is stretched, not cropped: crop first if the aspect ratio matters.
 */
public record Resize(int width, int height) implements RasterTransform {

    public Resize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resize target must be positive, got " + width + "x" + height);
        }
    }

    /** Resize to {@code size}×{@code size}. */
    public static Resize square(int size) {
        return new Resize(size, size);
    }

    public static Raster to(Raster image, int size) {
        return square(size).apply(image);
    }

    @Override
    public Raster apply(Raster image) {
        int sw = image.width();
        int sh = image.height();
        if (sw == width && sh == height) {
            return image;
        }
        byte[] in = image.rgb();
        double[] source = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            source[i] = in[i] & 0xFF;
        }
        Weights horizontal = Weights.of(sw, width);
        Weights vertical = Weights.of(sh, height);

        // rows first: sw x sh -> width x sh
        double[] rows = new double[width * sh * 3];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < width; x++) {
                for (int k = 0; k < horizontal.index[x].length; k++) {
                    int from = (y * sw + horizontal.index[x][k]) * 3;
                    double w = horizontal.weight[x][k];
                    int to = (y * width + x) * 3;
                    rows[to] += w * source[from];
                    rows[to + 1] += w * source[from + 1];
                    rows[to + 2] += w * source[from + 2];
                }
            }
        }
        // then columns: width x sh -> width x height
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int k = 0; k < vertical.index[y].length; k++) {
                        v += vertical.weight[y][k] * rows[(vertical.index[y][k] * width + x) * 3 + c];
                    }
                    out[(y * width + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        return new Raster(width, height, out);
    }

    /** For each output index along one axis, the source indices it reads and their weights (summing to 1). */
    private record Weights(int[][] index, double[][] weight) {

        static Weights of(int source, int target) {
            int[][] index = new int[target][];
            double[][] weight = new double[target][];
            for (int i = 0; i < target; i++) {
                if (target == source) {
                    index[i] = new int[] {i};
                    weight[i] = new double[] {1.0};
                } else if (target < source) {
                    area(source, target, i, index, weight);
                } else {
                    bilinear(source, target, i, index, weight);
                }
            }
            return new Weights(index, weight);
        }

        /**
         * Output pixel i covers [i·s/t, (i+1)·s/t) of the source; in units of 1/t that is [i·s, (i+1)·s), and source
         * pixel j covers [j·t, (j+1)·t). The overlaps are integers, so the weights are exact fractions of s.
         */
        private static void area(int s, int t, int i, int[][] index, double[][] weight) {
            long start = (long) i * s;
            long end = start + s;
            int first = (int) (start / t);
            int last = (int) ((end - 1) / t);
            index[i] = new int[last - first + 1];
            weight[i] = new double[last - first + 1];
            for (int j = first; j <= last; j++) {
                long overlap = Math.min(end, (long) (j + 1) * t) - Math.max(start, (long) j * t);
                index[i][j - first] = j;
                weight[i][j - first] = (double) overlap / s;
            }
        }

        private static void bilinear(int s, int t, int i, int[][] index, double[][] weight) {
            double centre = (i + 0.5) * s / t - 0.5;
            centre = Math.max(0, Math.min(s - 1, centre));
            int low = (int) Math.floor(centre);
            int high = Math.min(low + 1, s - 1);
            double f = centre - low;
            index[i] = new int[] {low, high};
            weight[i] = new double[] {1 - f, f};
        }
    }
}
