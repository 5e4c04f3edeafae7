package org.tandem.analysis.psychometric;

import org.tandem.protocols.plan.SplitMix64;

/** Binomial data drawn from a known curve, for recovery and coverage checks. */
final class SimulatedData {
    private SimulatedData() {
    }

    static BinomialCounts draw(Sigmoid sigmoid, Parameters truth, double[] levels, int trialsPerLevel, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int[] k = new int[levels.length];
        int[] n = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            n[i] = trialsPerLevel;
            k[i] = ParametricBootstrap.binomial(random, trialsPerLevel, truth.psi(sigmoid, sigmoid.toAxis(levels[i])));
        }
        return BinomialCounts.of(levels, k, n);
    }
}
