package org.tandem.stimuli.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.Raster;

/** The piecewise-affine warp and the morph on made-up shapes and images, where the right answer is known. */
class LandmarkMorphTest {
    private static final int W = 120;
    private static final int H = 90;

    @Test
    void theTrianglesOfAFramedShapeCoverEveryPixel() {
        LandmarkShape shape = randomShape(new Random(1), 40).framed(W, H);
        int[] triangles = ShapeTriangulation.of(shape);
        assertThat(triangles.length % 3).isZero();
        assertThat(triangles.length / 3).isGreaterThan(40);
        double area = 0;
        for (int t = 0; t < triangles.length; t += 3) {
            area += Math.abs(cross(shape, triangles[t], triangles[t + 1], triangles[t + 2])) / 2;
        }
        assertThat(area).isCloseTo(W * H, org.assertj.core.data.Offset.offset(1e-6));
        PiecewiseAffineWarp.Warped warped = PiecewiseAffineWarp.warp(noise(new Random(2)).rgb(), W, H, shape, shape,
                triangles);
        assertThat(warped.uncovered()).isZero();
    }

    @Test
    void warpingAShapeOntoItselfReproducesTheImage() {
        Raster image = noise(new Random(3));
        LandmarkShape shape = randomShape(new Random(4), 30).framed(W, H);
        PiecewiseAffineWarp.Warped warped = PiecewiseAffineWarp.warp(image.rgb(), W, H, shape, shape,
                ShapeTriangulation.of(shape));
        assertThat(rounded(warped.rgb())).isEqualTo(image.rgb());
    }

    @Test
    void aKnownAffineMapIsReproducedExactly() {
        // a linear ramp is reproduced exactly by bilinear sampling, so the warp of it is known in closed form
        byte[] ramp = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                ramp[(y * W + x) * 3] = (byte) x;
                ramp[(y * W + x) * 3 + 1] = (byte) (2 * y);
                ramp[(y * W + x) * 3 + 2] = (byte) (x + y);
            }
        }
        // target p maps to source q = A p + c, chosen so that every source point stays inside [0.5, W-0.5] x [0.5, H-0.5]
        double a = 0.8, b = 0.1, c = -0.05, d = 0.85, tx = 5, ty = 7;
        LandmarkShape target = randomShape(new Random(5), 20).framed(W, H);
        double[] sx = new double[target.size()];
        double[] sy = new double[target.size()];
        for (int i = 0; i < target.size(); i++) {
            sx[i] = a * target.x(i) + b * target.y(i) + tx;
            sy[i] = c * target.x(i) + d * target.y(i) + ty;
        }
        LandmarkShape source = new LandmarkShape(sx, sy);
        PiecewiseAffineWarp.Warped warped = PiecewiseAffineWarp.warp(ramp, W, H, source, target,
                ShapeTriangulation.of(target));
        assertThat(warped.uncovered()).isZero();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double qx = a * (x + 0.5) + b * (y + 0.5) + tx - 0.5;
                double qy = c * (x + 0.5) + d * (y + 0.5) + ty - 0.5;
                int p = (y * W + x) * 3;
                assertThat((double) warped.rgb()[p]).as("red at %d,%d", x, y).isCloseTo(qx, within());
                assertThat((double) warped.rgb()[p + 1]).as("green at %d,%d", x, y).isCloseTo(2 * qy, within());
                assertThat((double) warped.rgb()[p + 2]).as("blue at %d,%d", x, y).isCloseTo(qx + qy, within());
            }
        }
    }

    @Test
    void levelZeroAndOneAreTheEndpointsAndTheMiddleLiesBetween() {
        Random random = new Random(6);
        Raster a = noise(random);
        Raster b = noise(random);
        LandmarkShape shapeA = randomShape(new Random(7), 25);
        LandmarkShape shapeB = jitter(shapeA, new Random(8), 4);
        LandmarkMorph morph = new LandmarkMorph(a, shapeA, b, shapeB);
        var levels = morph.levels(5);
        assertThat(levels).hasSize(5);
        assertThat(levels.get(0).rgb()).isEqualTo(a.rgb());
        assertThat(levels.get(4).rgb()).isEqualTo(b.rgb());
        assertThat(levels.get(2)).isEqualTo(morph.level(0.5));
        assertThat(levels.get(2).rgb()).isNotEqualTo(a.rgb()).isNotEqualTo(b.rgb());
        // the middle level of two flat images is the plain average, whatever the shapes
        Raster grey = flat(40);
        Raster light = flat(200);
        assertThat(new LandmarkMorph(grey, shapeA, light, shapeB).level(0.5)).isEqualTo(flat(120));
    }

    @Test
    void imagesOfDifferentSizesAreRefused() {
        LandmarkShape shape = randomShape(new Random(9), 10);
        assertThatThrownBy(() -> new LandmarkMorph(flat(1), shape, new Raster(W, H + 1, new byte[W * (H + 1) * 3]), shape))
                .hasMessageContaining("same size");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-3);
    }

    private static double cross(LandmarkShape s, int i, int j, int k) {
        return (s.x(j) - s.x(i)) * (s.y(k) - s.y(i)) - (s.x(k) - s.x(i)) * (s.y(j) - s.y(i));
    }

    private static LandmarkShape randomShape(Random random, int points) {
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = 10 + random.nextDouble() * (W - 20);
            y[i] = 10 + random.nextDouble() * (H - 20);
        }
        return new LandmarkShape(x, y);
    }

    private static LandmarkShape jitter(LandmarkShape shape, Random random, double by) {
        double[] x = new double[shape.size()];
        double[] y = new double[shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = shape.x(i) + (random.nextDouble() - 0.5) * by;
            y[i] = shape.y(i) + (random.nextDouble() - 0.5) * by;
        }
        return new LandmarkShape(x, y);
    }

    private static Raster noise(Random random) {
        byte[] rgb = new byte[W * H * 3];
        random.nextBytes(rgb);
        return new Raster(W, H, rgb);
    }

    private static Raster flat(int value) {
        byte[] rgb = new byte[W * H * 3];
        java.util.Arrays.fill(rgb, (byte) value);
        return new Raster(W, H, rgb);
    }

    private static byte[] rounded(float[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.round(values[i]);
        }
        return out;
    }
}
