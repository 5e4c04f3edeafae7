package org.tandem.stimuli.morph;

import java.util.List;
import java.util.stream.IntStream;
import org.tandem.protocols.observer.Raster;

/**
 * A landmark-based morph between two images of the same size: at level t the shape is (1 - t) · A's + t · B's
 * landmarks, both images are warped to it (piecewise-affine over the Delaunay triangles of the mean shape plus the image
 * border) and cross-dissolved, (1 - t) · A + t · B. Level 0 is A, level 1 is B.
 */
public final class LandmarkMorph {
    private final int width;
    private final int height;
    private final byte[] a;
    private final byte[] b;
    private final LandmarkShape shapeA;
    private final LandmarkShape shapeB;
    private final int[] triangles;

    public LandmarkMorph(Raster a, LandmarkShape landmarksA, Raster b, LandmarkShape landmarksB) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("a morph needs two images of the same size, got " + a.width() + " x "
                    + a.height() + " and " + b.width() + " x " + b.height());
        }
        if (landmarksA.size() != landmarksB.size()) {
            throw new IllegalArgumentException("a morph needs the same landmarks on both faces, got " + landmarksA.size()
                    + " and " + landmarksB.size() + " points");
        }
        this.width = a.width();
        this.height = a.height();
        this.a = a.rgb();
        this.b = b.rgb();
        this.shapeA = landmarksA.framed(width, height);
        this.shapeB = landmarksB.framed(width, height);
        this.triangles = ShapeTriangulation.of(shapeA.interpolate(shapeB, 0.5));
    }

    /** Point-index triples of the triangles every level is warped over. */
    public int[] triangles() {
        return triangles.clone();
    }

    /** The landmarks at level t (without the border points). */
    public LandmarkShape shapeAt(double t, int landmarks) {
        LandmarkShape framed = shapeA.interpolate(shapeB, t);
        double[] x = new double[landmarks];
        double[] y = new double[landmarks];
        for (int i = 0; i < landmarks; i++) {
            x[i] = framed.x(i);
            y[i] = framed.y(i);
        }
        return new LandmarkShape(x, y);
    }

    /** The image at level t in [0, 1]. */
    public Raster level(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("a morph level lies in [0, 1], got " + t);
        }
        LandmarkShape shape = shapeA.interpolate(shapeB, t);
        float[] fromA = t < 1 ? PiecewiseAffineWarp.warp(a, width, height, shapeA, shape, triangles).rgb() : null;
        float[] fromB = t > 0 ? PiecewiseAffineWarp.warp(b, width, height, shapeB, shape, triangles).rgb() : null;
        byte[] out = new byte[a.length];
        for (int i = 0; i < out.length; i++) {
            double va = fromA == null ? 0 : fromA[i];
            double vb = fromB == null ? 0 : fromB[i];
            out[i] = (byte) Math.min(255, Math.max(0, Math.round((1 - t) * va + t * vb)));
        }
        return new Raster(width, height, out);
    }

    /** {@code count} levels in equal steps from 0 to 1, ends included; levels are drawn in parallel. */
    public List<Raster> levels(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a continuum needs at least 2 levels, got " + count);
        }
        return IntStream.range(0, count).parallel().mapToObj(i -> level((double) i / (count - 1))).toList();
    }
}
