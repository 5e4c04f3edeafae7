package org.tandem.observer.readout;

import org.tandem.protocols.plan.SplitMix64;

/** Seeded permutations (Fisher-Yates on SplitMix64), so folds and solver orders are the same on every JVM. */
final class SeededOrder {
    private SeededOrder() {
    }

    /** 0 … n−1 in an order fixed by the generator. */
    static int[] permutation(int n, SplitMix64 random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    static void shuffle(int[] values, SplitMix64 random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
