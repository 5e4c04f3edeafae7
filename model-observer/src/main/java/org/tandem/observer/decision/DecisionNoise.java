package org.tandem.observer.decision;

import org.tandem.protocols.plan.SplitMix64;

/**
 * Seeded per-trial randomness of a feature-distance decision: a standard normal draw (Box-Muller on SplitMix64, with
 * StrictMath so every platform draws the same numbers) and a fair coin for exact ties. Each trial reads its own sub-stream
 * of the session seed (by plan index), so a resumed session answers as an uninterrupted one would.
 */
record DecisionNoise(long seed) {

    /** A standard normal number for the trial. */
    double gaussian(int trialIndex) {
        SplitMix64 random = SplitMix64.stream(seed, trialIndex);
        double u1 = 1.0 - unit(random);   // in (0, 1], so the logarithm is finite
        double u2 = unit(random);
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** A fair coin for the trial, independent of its {@link #gaussian} draw. */
    boolean coin(int trialIndex) {
        SplitMix64 random = SplitMix64.stream(seed, trialIndex);
        random.nextLong();
        random.nextLong();
        return random.nextLong() < 0;
    }

    /** Uniform in [0, 1) from the top 53 bits. */
    private static double unit(SplitMix64 random) {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }
}
