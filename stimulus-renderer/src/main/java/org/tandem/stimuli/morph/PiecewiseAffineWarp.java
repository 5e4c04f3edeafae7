package org.tandem.stimuli.morph;

/**
 * Warps an image from one shape to another, triangle by triangle: each pixel of a target triangle is mapped back by that
 * triangle's affine map into the source image (inverse mapping, so every target pixel gets exactly one value) and sampled
 * bilinearly. Works on plain arrays: a morph warps millions of pixels.
 */
public final class PiecewiseAffineWarp {
    /** Pixel centres this close outside a triangle still count as inside, so shared edges leave no gaps. */
    private static final double EDGE = 1e-9;

    /**
     * @param rgb       the warped image, interleaved R, G, B per pixel, 0..255, not rounded (a blend rounds once, at the end)
     * @param uncovered pixels no target triangle reached (only where the target shape folds over itself); they keep the
     *                  source pixel at the same place
     */
    public record Warped(float[] rgb, int uncovered) {
    }

    private PiecewiseAffineWarp() {
    }

    /**
     * @param source    interleaved RGB bytes of a {@code width × height} image
     * @param from      the source image's shape
     * @param to        the shape to warp it to (same points)
     * @param triangles point-index triples, e.g. {@link ShapeTriangulation#of}
     */
    public static Warped warp(byte[] source, int width, int height, LandmarkShape from, LandmarkShape to,
            int[] triangles) {
        if (source.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + " x " + height + " image has " + width * height * 3
                    + " RGB bytes, got " + source.length);
        }
        float[] out = new float[source.length];
        boolean[] done = new boolean[width * height];
        for (int t = 0; t < triangles.length; t += 3) {
            fill(source, width, height, from, to, triangles[t], triangles[t + 1], triangles[t + 2], out, done);
        }
        int uncovered = 0;
        for (int p = 0; p < done.length; p++) {
            if (!done[p]) {
                uncovered++;
                for (int c = 0; c < 3; c++) {
                    out[p * 3 + c] = source[p * 3 + c] & 0xFF;
                }
            }
        }
        return new Warped(out, uncovered);
    }

    private static void fill(byte[] source, int width, int height, LandmarkShape from, LandmarkShape to,
            int i0, int i1, int i2, float[] out, boolean[] done) {
        double x0 = to.x(i0), y0 = to.y(i0);
        double e1x = to.x(i1) - x0, e1y = to.y(i1) - y0;
        double e2x = to.x(i2) - x0, e2y = to.y(i2) - y0;
        double det = e1x * e2y - e2x * e1y;
        if (Math.abs(det) < 1e-12) {
            return; // a flat target triangle covers no pixel centre
        }
        // barycentric weights of points 1 and 2: l1 = ((p - p0) × e2) / det, l2 = (e1 × (p - p0)) / det
        double sx0 = from.x(i0), sy0 = from.y(i0);
        double s1x = from.x(i1) - sx0, s1y = from.y(i1) - sy0;
        double s2x = from.x(i2) - sx0, s2y = from.y(i2) - sy0;
        int minX = Math.max(0, (int) Math.floor(Math.min(x0, Math.min(to.x(i1), to.x(i2))) - 0.5));
        int maxX = Math.min(width - 1, (int) Math.ceil(Math.max(x0, Math.max(to.x(i1), to.x(i2))) - 0.5));
        int minY = Math.max(0, (int) Math.floor(Math.min(y0, Math.min(to.y(i1), to.y(i2))) - 0.5));
        int maxY = Math.min(height - 1, (int) Math.ceil(Math.max(y0, Math.max(to.y(i1), to.y(i2))) - 0.5));
        for (int y = minY; y <= maxY; y++) {
            double py = y + 0.5 - y0;
            for (int x = minX; x <= maxX; x++) {
                int p = y * width + x;
                if (done[p]) {
                    continue;
                }
                double px = x + 0.5 - x0;
                double l1 = (px * e2y - py * e2x) / det;
                double l2 = (e1x * py - e1y * px) / det;
                if (l1 < -EDGE || l2 < -EDGE || l1 + l2 > 1 + EDGE) {
                    continue;
                }
                sample(source, width, height, sx0 + l1 * s1x + l2 * s2x, sy0 + l1 * s1y + l2 * s2y, out, p * 3);
                done[p] = true;
            }
        }
    }

    /** Bilinear sample at (x, y) in pixel coordinates (pixel centres at +0.5), clamped at the image's edges. */
    static void sample(byte[] source, int width, int height, double x, double y, float[] out, int at) {
        double fx = Math.min(width - 1, Math.max(0, x - 0.5));
        double fy = Math.min(height - 1, Math.max(0, y - 0.5));
        int xa = (int) fx;
        int ya = (int) fy;
        int xb = Math.min(width - 1, xa + 1);
        int yb = Math.min(height - 1, ya + 1);
        double wx = fx - xa;
        double wy = fy - ya;
        int aa = (ya * width + xa) * 3, ab = (ya * width + xb) * 3, ba = (yb * width + xa) * 3, bb = (yb * width + xb) * 3;
        for (int c = 0; c < 3; c++) {
            double top = (source[aa + c] & 0xFF) * (1 - wx) + (source[ab + c] & 0xFF) * wx;
            double bottom = (source[ba + c] & 0xFF) * (1 - wx) + (source[bb + c] & 0xFF) * wx;
            out[at + c] = (float) (top * (1 - wy) + bottom * wy);
        }
    }
}
