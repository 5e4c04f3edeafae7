package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;

class RefreshCheckTest {

    /** Intervals around a mean with uniform jitter of +-{@code jitterMs}. */
    private static long[] intervals(double meanMs, double jitterMs, int count) {
        SplittableRandom random = new SplittableRandom(3);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = Math.round((meanMs + (random.nextDouble() * 2 - 1) * jitterMs) * 1e6);
        }
        return out;
    }

    @Test
    void steadyIntervalsAtTheNominalRateAreStable() {
        RefreshCheck check = RefreshCheck.of(intervals(1000 / 60.0, 0.1, 300), 60);
        assertThat(check.stable()).isTrue();
        assertThat(check.problem()).isNull();
        assertThat(check.measuredHz()).isCloseTo(60, within(0.1));
        assertThat(check.intervals()).isEqualTo(300);
        assertThat(check.requireStable(false)).isSameAs(check);
    }

    @Test
    void scatteredIntervalsAreRefusedUnlessAllowed() {
        RefreshCheck check = RefreshCheck.of(intervals(1000 / 60.0, 2.0, 300), 60);
        assertThat(check.sdMs()).isGreaterThan(RefreshCheck.MAX_SD_MS);
        assertThat(check.problem()).contains("SD");
        assertThatThrownBy(() -> check.requireStable(false)).isInstanceOf(TandemException.class)
                .hasMessageContaining("--allow-unstable-timing");
        assertThat(check.requireStable(true)).isSameAs(check);
    }

    @Test
    void aRateMoreThanOnePercentOffNominalIsUnstable() {
        assertThat(RefreshCheck.of(intervals(1000 / 60.0, 0.05, 300), 75).problem()).contains("nominal 75.00 Hz");
        assertThat(RefreshCheck.of(intervals(1000 / 60.5, 0.05, 300), 60).stable()).isTrue();
    }

    @Test
    void anUnknownNominalRateCannotBeChecked() {
        assertThat(RefreshCheck.of(intervals(1000 / 60.0, 0.05, 300), 0).problem()).contains("does not report");
    }
}
