package org.tandem.stimuli.align;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import org.tandem.protocols.observer.Raster;

/**
 * Resamples an image through an affine transform into a square, bilinearly: each output pixel centre is mapped back into
 * the source, where pixel centres sit at whole numbers (the convention the landmark coordinates use, so a point mapped by
 * the transform lands on the same spot of the output). Output pixels whose source position falls outside the image are
 * filled with mid grey and counted, so a crop that reaches past the photograph's edge is flagged, never disguised.
 */
public final class BilinearWarp {
    /** The fill of output pixels that map outside the source. */
    public static final int FILL = 128;

    private BilinearWarp() {
    }

    /** The warped square and the share of its pixels (0..1) that fell outside the source. */
    public record Warped(Raster image, double outsideFraction) {
    }

    /** @param toTarget maps source pixel coordinates to output pixel coordinates; must be invertible */
    public static Warped warp(Raster source, AffineTransform toTarget, int size) {
        AffineTransform back;
        try {
            back = toTarget.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("the alignment transform cannot be inverted", e);
        }
        byte[] in = source.rgb();
        int w = source.width();
        int h = source.height();
        byte[] out = new byte[size * size * 3];
        double[] at = new double[2];
        long outside = 0;
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                at[0] = u;
                at[1] = v;
                back.transform(at, 0, at, 0, 1);
                int o = (v * size + u) * 3;
                double x = at[0];
                double y = at[1];
                if (!(x >= 0 && y >= 0 && x <= w - 1 && y <= h - 1)) {
                    out[o] = out[o + 1] = out[o + 2] = (byte) FILL;
                    outside++;
                    continue;
                }
                int x0 = (int) x;
                int y0 = (int) y;
                int x1 = Math.min(x0 + 1, w - 1);
                int y1 = Math.min(y0 + 1, h - 1);
                double fx = x - x0;
                double fy = y - y0;
                for (int c = 0; c < 3; c++) {
                    double top = (in[(y0 * w + x0) * 3 + c] & 0xFF) * (1 - fx) + (in[(y0 * w + x1) * 3 + c] & 0xFF) * fx;
                    double bottom = (in[(y1 * w + x0) * 3 + c] & 0xFF) * (1 - fx) + (in[(y1 * w + x1) * 3 + c] & 0xFF) * fx;
                    out[o + c] = (byte) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return new Warped(new Raster(size, size, out), (double) outside / ((long) size * size));
    }
}
