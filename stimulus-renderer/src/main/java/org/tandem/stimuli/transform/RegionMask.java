package org.tandem.stimuli.transform;

import java.util.List;
import java.util.OptionalInt;
import org.tandem.protocols.observer.Raster;

/**
 * Covers regions of an image (eyes, nose, mouth) with a neutral grey patch.
 *
 * <p>Hard edges (the default): a pixel is covered when its centre lies in any of the regions. Anti-aliased edges: each pixel
 * is sampled on a 4 × 4 grid of points at its sub-pixel centres, and the grey is blended in by the fraction of points that
 * fall in a region, {@code round(cover · grey + (1 − cover) · v)}; pixels fully inside are exactly the grey.
 *
 * @param regions     the covered regions; pixels in several of them are covered once
 * @param grey        the patch's grey level 0..255, or empty for the image's mean luma rounded to nearest (computed on the
 *                    image before masking)
 * @param antiAliased blend partially covered pixels at the edges
 */
public record RegionMask(List<Region> regions, OptionalInt grey, boolean antiAliased) implements RasterTransform {

    static final int SUBSAMPLES = 4;

    public RegionMask {
        regions = List.copyOf(regions);
        if (grey.isPresent() && (grey.getAsInt() < 0 || grey.getAsInt() > 255)) {
            throw new IllegalArgumentException("mask grey must be 0..255, got " + grey.getAsInt());
        }
    }

    /** Hard-edged patches in the image's mean-luminance grey. */
    public static RegionMask of(List<Region> regions) {
        return new RegionMask(regions, OptionalInt.empty(), false);
    }

    public RegionMask withGrey(int level) {
        return new RegionMask(regions, OptionalInt.of(level), antiAliased);
    }

    public RegionMask withAntiAliasing(boolean on) {
        return new RegionMask(regions, grey, on);
    }

    @Override
    public Raster apply(Raster image) {
        int fill = grey.orElseGet(() -> Luma.meanGrey(image));
        byte[] rgb = image.rgb();
        int width = image.width();
        int height = image.height();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                if (!antiAliased) {
                    if (covered(x + 0.5, y + 0.5)) {
                        rgb[i] = (byte) fill;
                        rgb[i + 1] = (byte) fill;
                        rgb[i + 2] = (byte) fill;
                    }
                    continue;
                }
                int hits = 0;
                for (int sy = 0; sy < SUBSAMPLES; sy++) {
                    for (int sx = 0; sx < SUBSAMPLES; sx++) {
                        if (covered(x + (sx + 0.5) / SUBSAMPLES, y + (sy + 0.5) / SUBSAMPLES)) {
                            hits++;
                        }
                    }
                }
                int all = SUBSAMPLES * SUBSAMPLES;
                if (hits > 0) {
                    for (int c = 0; c < 3; c++) {
                        int v = rgb[i + c] & 0xFF;
                        // round(hits/all · fill + (1 − hits/all) · v), exactly, halves up
                        rgb[i + c] = (byte) ((2 * (hits * fill + (all - hits) * v) + all) / (2 * all));
                    }
                }
            }
        }
        return new Raster(width, height, rgb);
    }

    private boolean covered(double x, double y) {
        for (Region r : regions) {
            if (r.contains(x, y)) {
                return true;
            }
        }
        return false;
    }
}
