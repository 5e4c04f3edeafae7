package org.tandem.stimuli.transform;

import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.observer.Raster;

/**
 * Luminance and contrast matching across a set, as SHINE's {@code lumMatch} (Willenbockel et al. 2010): each image's luma
 * is mapped affinely, {@code Y' = (Y − mean) · targetSd / sd + targetMean}, so that every image has the target mean and SD;
 * by default the targets are the set's mean of means and mean of SDs.
 *
 * <p>Colour images get the same affine map on each of R, G and B; because luma is a weighted mean of the channels with
 * weights summing to 1, this maps the luma exactly as above before rounding. Channels are rounded to nearest and clipped to
 * 0..255, and the pixels that were clipped are counted. An image of uniform luma (SD 0) cannot be stretched; it is only
 * shifted to the target mean.
 */
public final class LuminanceMatch {

    private LuminanceMatch() {
    }

    /** The set's mean of the images' luma means and mean of their luma SDs. */
    public static LuminanceStats setTargets(List<Raster> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to match");
        }
        double means = 0;
        double sds = 0;
        for (Raster image : images) {
            LuminanceStats stats = LuminanceStats.of(image);
            means += stats.mean();
            sds += stats.sd();
        }
        return new LuminanceStats(means / images.size(), sds / images.size());
    }

    /** Matches every image to the set's own targets ({@link #setTargets}). */
    public static TransformedSet match(List<Raster> images) {
        return match(images, setTargets(images));
    }

    /** Matches every image to the given mean and SD of luma. */
    public static TransformedSet match(List<Raster> images, LuminanceStats target) {
        List<Raster> out = new ArrayList<>(images.size());
        List<Integer> clipped = new ArrayList<>(images.size());
        for (Raster image : images) {
            LuminanceStats stats = LuminanceStats.of(image);
            double gain = stats.sd() == 0 ? 1.0 : target.sd() / stats.sd();
            double offset = target.mean() - stats.mean() * gain;
            byte[] rgb = image.rgb();
            int clippedHere = 0;
            for (int i = 0; i < rgb.length; i += 3) {
                boolean clip = false;
                for (int c = 0; c < 3; c++) {
                    long v = Math.round((rgb[i + c] & 0xFF) * gain + offset);
                    if (v < 0 || v > 255) {
                        clip = true;
                        v = v < 0 ? 0 : 255;
                    }
                    rgb[i + c] = (byte) v;
                }
                if (clip) {
                    clippedHere++;
                }
            }
            out.add(new Raster(image.width(), image.height(), rgb));
            clipped.add(clippedHere);
        }
        return new TransformedSet(out, clipped);
    }
}
