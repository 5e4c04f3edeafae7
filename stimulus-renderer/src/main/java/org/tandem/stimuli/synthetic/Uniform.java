package org.tandem.stimuli.synthetic;

import org.tandem.protocols.plan.SplitMix64;

/** Uniform draws from a {@link SplitMix64} stream: the top 53 bits as a double, so every machine draws the same values. */
final class Uniform {
    private final SplitMix64 random;

    Uniform(SplitMix64 random) {
        this.random = random;
    }

    /** Uniform in [0, 1). */
    double next() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    double range(double low, double high) {
        return low + (high - low) * next();
    }

    /** Uniform in [−halfWidth, halfWidth). */
    double around(double halfWidth) {
        return range(-halfWidth, halfWidth);
    }

    /** Standard normal (Box–Muller, one value per two draws). */
    double gaussian() {
        double u = 1 - next();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * next());
    }

    /** A seed for a sub-generator, drawn from this stream. */
    long seed() {
        return random.nextLong();
    }
}
