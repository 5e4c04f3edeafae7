package org.tandem.protocols.plan;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014), written out so that the same seed gives the same trial order on every
 * JVM and platform; the JDK's shuffles and generators are not specified tightly enough for byte-identical plans.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator for a numbered sub-stream, independent of how much the parent stream was used. */
    public static SplitMix64 stream(long seed, long streamIndex) {
        return new SplitMix64(mix(seed + GOLDEN_GAMMA * (streamIndex + 1)));
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, bound) without modulo bias (rejection sampling on the top bits). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = Long.divideUnsigned(-1L, bound) * bound;
        long r;
        do {
            r = nextLong();
        } while (Long.compareUnsigned(r, limit) >= 0 && limit != 0);
        return (int) Long.remainderUnsigned(r, bound);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
