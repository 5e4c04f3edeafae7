package org.tandem.protocols.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void seedZeroGivesTheReferenceSequence() {
        // the published SplitMix64 outputs for seed 0 (Steele, Lea and Flood; also Vigna's splitmix64.c)
        SplitMix64 random = new SplitMix64(0);
        assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void sameSeedSameSequence() {
        SplitMix64 a = new SplitMix64(42);
        SplitMix64 b = new SplitMix64(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void subStreamsDependOnSeedAndIndexOnly() {
        assertThat(SplitMix64.stream(7, 0).nextLong()).isEqualTo(SplitMix64.stream(7, 0).nextLong());
        Set<Long> firsts = new HashSet<>();
        for (long seed = 0; seed < 4; seed++) {
            for (long index = 0; index < 4; index++) {
                firsts.add(SplitMix64.stream(seed, index).nextLong());
            }
        }
        assertThat(firsts).hasSize(16);
    }

    @Test
    void nextIntStaysInRange() {
        SplitMix64 random = new SplitMix64(1);
        for (int bound : new int[] {1, 2, 3, 7, 10, 1000, Integer.MAX_VALUE}) {
            for (int i = 0; i < 2000; i++) {
                assertThat(random.nextInt(bound)).isBetween(0, bound - 1);
            }
        }
        assertThat(new SplitMix64(5).nextInt(1)).isZero();
    }

    @Test
    void nextIntRejectsEmptyRanges() {
        assertThatThrownBy(() -> new SplitMix64(0).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SplitMix64(0).nextInt(-3)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Pearson's chi-square over the values of nextInt(bound), fixed seed, so the outcome is deterministic. The bounds lie
     * far above the 99.99 % quantiles (about 33.7 for 9 and 27.9 for 6 degrees of freedom) that a fair generator stays below
     * almost always, and far below what a biased draw (e.g. a plain modulo of a few bits) would give.
     */
    @Test
    void nextIntIsUniform() {
        assertThat(chiSquare(10, 200_000, 3)).isLessThan(33.7);
        assertThat(chiSquare(7, 140_000, 11)).isLessThan(27.9);
        // a large bound that is no power of two: its lower and upper halves must come up equally often (within 4 sd)
        SplitMix64 random = new SplitMix64(99);
        int bound = (1 << 30) + (1 << 29);
        int low = 0;
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            if (random.nextInt(bound) < bound / 2) {
                low++;
            }
        }
        assertThat(Math.abs(low - draws / 2)).isLessThan(4 * (int) Math.sqrt(draws / 4.0));
    }

    private static double chiSquare(int bound, int draws, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        long[] counts = new long[bound];
        for (int i = 0; i < draws; i++) {
            counts[random.nextInt(bound)]++;
        }
        double expected = (double) draws / bound;
        double chi = 0;
        for (long count : counts) {
            chi += (count - expected) * (count - expected) / expected;
        }
        return chi;
    }
}
