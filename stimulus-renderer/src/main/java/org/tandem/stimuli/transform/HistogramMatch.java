package org.tandem.stimuli.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tandem.protocols.observer.Raster;

/**
 * Histogram matching across a set, as SHINE's {@code histMatch} (Willenbockel et al. 2010): every image's luma histogram is
 * made equal to a target histogram, by default the set's average histogram (the mean of the images' histograms, each as
 * proportions of its pixels).
 *
 * <p>Exact specification by ranks: the pixels of an image are ranked by luma, ties broken first by the summed luma of their
 * 3 × 3 neighbourhood (edge pixels repeated), then by raster order, so the ranking is total and the same on every machine.
 * The target histogram scaled to the image's pixel count gives each grey level a run of ranks (the cumulative counts
 * rounded to nearest), and the pixels of those ranks get that level.
 *
 * <p>Greyscale images get the target level in all three channels, so their histograms match the target exactly, and images
 * of equal size end with identical histograms. Colour images keep their chroma: each channel is shifted by the pixel's
 * change of luma, rounded and clipped, so their luma histograms match up to that rounding and clipping.
 */
public final class HistogramMatch {

    public static final int LEVELS = 256;

    private HistogramMatch() {
    }

    /** Pixel counts of each grey level 0..255 of the luma rounded to nearest. */
    public static int[] histogram(Raster image) {
        byte[] rgb = image.rgb();
        int[] counts = new int[LEVELS];
        for (int i = 0; i < rgb.length; i += 3) {
            counts[Luma.rounded(Luma.thousandths(rgb, i))]++;
        }
        return counts;
    }

    /** The mean over the images of their histograms as proportions (each sums to 1, and so does the mean). */
    public static double[] averageHistogram(List<Raster> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to match");
        }
        double[] mean = new double[LEVELS];
        for (Raster image : images) {
            int[] counts = histogram(image);
            double n = image.width() * (double) image.height();
            for (int v = 0; v < LEVELS; v++) {
                mean[v] += counts[v] / n / images.size();
            }
        }
        return mean;
    }

    /** Matches every image to the set's average histogram. */
    public static TransformedSet match(List<Raster> images) {
        return match(images, averageHistogram(images));
    }

    /** Matches every image to {@code target}: 256 non-negative weights of the grey levels (normalised here). */
    public static TransformedSet match(List<Raster> images, double[] target) {
        double[] cumulative = cumulative(target);
        List<Raster> out = new ArrayList<>(images.size());
        List<Integer> clipped = new ArrayList<>(images.size());
        for (Raster image : images) {
            int[] clippedHere = new int[1];
            out.add(matchOne(image, cumulative, clippedHere));
            clipped.add(clippedHere[0]);
        }
        return new TransformedSet(out, clipped);
    }

    private static double[] cumulative(double[] target) {
        if (target.length != LEVELS) {
            throw new IllegalArgumentException("a target histogram has " + LEVELS + " levels, got " + target.length);
        }
        double total = 0;
        for (double w : target) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("target histogram weights must be finite and non-negative");
            }
            total += w;
        }
        if (total == 0) {
            throw new IllegalArgumentException("target histogram is empty");
        }
        double[] cumulative = new double[LEVELS];
        double running = 0;
        for (int v = 0; v < LEVELS; v++) {
            running += target[v];
            cumulative[v] = running / total;
        }
        return cumulative;
    }

    private static Raster matchOne(Raster image, double[] cumulative, int[] clipped) {
        int width = image.width();
        int height = image.height();
        int n = width * height;
        byte[] rgb = image.rgb();
        int[] luma = new int[n];
        for (int p = 0; p < n; p++) {
            luma[p] = Luma.thousandths(rgb, p * 3);
        }
        long[] neighbourhood = neighbourhoodSums(luma, width, height);
        Integer[] ranked = new Integer[n];
        for (int p = 0; p < n; p++) {
            ranked[p] = p;
        }
        Arrays.sort(ranked, Comparator.<Integer>comparingInt(p -> luma[p])
                .thenComparingLong(p -> neighbourhood[p])
                .thenComparingInt(p -> p));

        int level = 0;
        long end = boundary(cumulative, 0, n);
        for (int rank = 0; rank < n; rank++) {
            while (rank >= end) {
                level++;
                end = boundary(cumulative, level, n);
            }
            int p = ranked[rank];
            boolean clip = false;
            for (int c = 0; c < 3; c++) {
                int i = p * 3 + c;
                // shift the channel by the change of luma; a grey pixel (channel = luma) lands exactly on the level
                long v = Math.round((rgb[i] & 0xFF) + level - luma[p] / 1000.0);
                if (v < 0 || v > 255) {
                    clip = true;
                    v = v < 0 ? 0 : 255;
                }
                rgb[i] = (byte) v;
            }
            if (clip) {
                clipped[0]++;
            }
        }
        return new Raster(width, height, rgb);
    }

    /** The first rank past grey level {@code level}: the cumulative target count rounded to nearest. */
    private static long boundary(double[] cumulative, int level, int n) {
        return level == LEVELS - 1 ? n : Math.round(cumulative[level] * n);
    }

    private static long[] neighbourhoodSums(int[] luma, int width, int height) {
        long[] sums = new long[luma.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                long sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.max(0, Math.min(height - 1, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.max(0, Math.min(width - 1, x + dx));
                        sum += luma[yy * width + xx];
                    }
                }
                sums[y * width + x] = sum;
            }
        }
        return sums;
    }
}
