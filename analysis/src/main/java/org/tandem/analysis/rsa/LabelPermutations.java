package org.tandem.analysis.rsa;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Relabellings of an RDM's n conditions for the permutation test: all n! of them (Heap's algorithm), or a seeded random
 * sample. Each permutation is handed over in one reused array, to be read before the next is made.
 */
final class LabelPermutations {
    private LabelPermutations() {
    }

    static long factorial(int n) {
        long f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }

    /** Every permutation of 0 … n − 1 once, the identity first. */
    static void all(int n, Consumer<int[]> each) {
        int[] perm = identity(n);
        int[] c = new int[n];
        each.accept(perm);
        int i = 1;
        while (i < n) {
            if (c[i] < i) {
                swap(perm, i % 2 == 0 ? 0 : c[i], i);
                each.accept(perm);
                c[i]++;
                i = 1;
            } else {
                c[i] = 0;
                i++;
            }
        }
    }

    /** {@code count} uniformly random permutations of 0 … n − 1 (Fisher–Yates), the same for the same seed. */
    static void random(int n, int count, long seed, Consumer<int[]> each) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] perm = identity(n);
        for (int k = 0; k < count; k++) {
            for (int i = n - 1; i > 0; i--) {
                swap(perm, i, random.nextInt(i + 1));
            }
            each.accept(perm);
        }
    }

    private static int[] identity(int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        return perm;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
