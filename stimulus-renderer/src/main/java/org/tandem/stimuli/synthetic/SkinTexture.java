package org.tandem.stimuli.synthetic;

/**
 * The grain of one person's skin: smooth value noise at two scales (pores, about 2.5 design pixels, and blotches, about 9)
 * fixed to the face's surface, so it moves with the head. A multiplicative factor around 1.
 */
final class SkinTexture {
    private static final double FINE = 2.5;
    private static final double COARSE = 9;
    private final long seed;
    private final double amplitude;

    /** @param amplitude largest relative change of brightness, e.g. 0.05 */
    SkinTexture(long seed, double amplitude) {
        this.seed = seed;
        this.amplitude = amplitude;
    }

    /** Brightness factor at drawing point (x, y) on the design grid. */
    double factor(double x, double y) {
        double fine = valueNoise(x / FINE, y / FINE, seed);
        double coarse = valueNoise(x / COARSE, y / COARSE, seed ^ 0x9E3779B97F4A7C15L);
        return 1 + amplitude * (0.55 * fine + 0.45 * coarse);
    }

    /** Noise in [−1, 1] interpolated smoothly between lattice values hashed from the cell and the seed. */
    private static double valueNoise(double x, double y, long seed) {
        long x0 = (long) Math.floor(x);
        long y0 = (long) Math.floor(y);
        double fx = smooth(x - x0);
        double fy = smooth(y - y0);
        double top = lerp(lattice(x0, y0, seed), lattice(x0 + 1, y0, seed), fx);
        double bottom = lerp(lattice(x0, y0 + 1, seed), lattice(x0 + 1, y0 + 1, seed), fx);
        return lerp(top, bottom, fy);
    }

    private static double lattice(long x, long y, long seed) {
        long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return ((h >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
