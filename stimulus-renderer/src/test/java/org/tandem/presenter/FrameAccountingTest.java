package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.FrameTiming;

class FrameAccountingTest {
    private static final double PERIOD = 16_666_667; // 60 Hz in ns

    /** Flip timestamps from a start time and the intervals between flips, in refresh periods. */
    private static long[] flips(double... periods) {
        long[] flips = new long[periods.length + 1];
        flips[0] = 1_000_000_000L;
        for (int i = 0; i < periods.length; i++) {
            flips[i + 1] = flips[i] + Math.round(periods[i] * PERIOD);
        }
        return flips;
    }

    @Test
    void onTimeFramesAreShownAsRequestedWithNoMisses() {
        long[] flips = flips(1, 1.02, 0.98, 1, 1.49);
        FrameTiming timing = FrameAccounting.timing(flips, 0, 5, 5, PERIOD);
        assertThat(timing.framesShown()).isEqualTo(5);
        assertThat(timing.missedFrames()).isZero();
        assertThat(timing.missed()).isFalse();
        assertThat(timing.onsetNanos()).isEqualTo(flips[0]);
        assertThat(timing.offsetNanos()).isEqualTo(flips[5]);
    }

    @Test
    void anIntervalOverOneAndAHalfPeriodsIsAMissedFrameAndLengthensTheStimulus() {
        // the third frame came two refreshes late, the fifth one refresh late
        long[] flips = flips(1, 1, 3, 1, 1.6);
        FrameTiming timing = FrameAccounting.timing(flips, 0, 5, 5, PERIOD);
        assertThat(timing.missedFrames()).isEqualTo(2);
        assertThat(timing.framesShown()).isEqualTo(1 + 1 + 3 + 1 + 2);
        assertThat(timing.missed()).isTrue();
    }

    @Test
    void onlyIntervalsBetweenOnsetAndOffsetCount() {
        long[] flips = flips(4, 1, 1, 4);
        FrameTiming timing = FrameAccounting.timing(flips, 1, 3, 2, PERIOD);
        assertThat(timing.missedFrames()).isZero();
        assertThat(timing.framesShown()).isEqualTo(2);
        assertThat(FrameAccounting.missedFrames(flips, flips.length, PERIOD)).isEqualTo(2);
    }

    @Test
    void theOffsetMustFollowTheOnset() {
        assertThatThrownBy(() -> FrameAccounting.timing(flips(1, 1), 2, 2, 1, PERIOD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
