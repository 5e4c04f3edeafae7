package org.tandem.protocols.observer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenTimingTest {
    private static final double PERIOD_NS = 16_683_350; // 59.94 Hz

    private static ScreenTiming shown(double shownMs, int requestedFrames, boolean allowLonger) {
        return ScreenTiming.measured("fixation", 1_000_000, 1_000_000 + Math.round(shownMs * 1e6), requestedFrames,
                requestedFrames, PERIOD_NS, allowLonger);
    }

    @Test
    void aScreenIsFaultyWhenItsShownDurationIsOffByMoreThanHalfAPeriodEitherWay() {
        assertThat(shown(200.2, 12, false).fault()).isNull();
        assertThat(shown(200.2 + 8.0, 12, false).fault()).as("within half a period").isNull();
        assertThat(shown(200.2 + 16.7, 12, false).fault()).as("a missed refresh").isEqualTo(ScreenTiming.LONG);
        assertThat(shown(200.2 - 16.7, 12, false).fault()).as("a frame too few").isEqualTo(ScreenTiming.SHORT);
        assertThat(shown(300, 60, false).fault()).as("1000 ms asked, 300 shown").isEqualTo(ScreenTiming.SHORT);
        assertThat(shown(300, 12, true).fault()).as("a blank that may wait is only ever too short").isNull();
        assertThat(shown(5, 12, true).fault()).isEqualTo(ScreenTiming.SHORT);
        assertThat(shown(5000, 0, false).fault()).as("a screen that waits has no duration to check").isNull();
        assertThat(shown(183.5, 12, false).deviationMs()).isCloseTo(-16.7, org.assertj.core.data.Offset.offset(0.01));
        assertThat(shown(183.5, 12, false).describeFault()).isEqualTo("fixation short: 183.5 of 200.2 ms");
    }

    @Test
    void aPresentationIsOkOnlyWhenEveryScreenIs() {
        Presentation p = new Presentation(List.of(shown(200.2, 12, false), shown(100, 12, false)), 0, 1, PERIOD_NS,
                List.of());
        assertThat(p.timingOk()).isFalse();
        assertThat(p.faults()).hasSize(1);
        assertThat(new Presentation(List.of(shown(200.2, 12, false)), 0, 1, PERIOD_NS, List.of()).timingOk()).isTrue();
    }
}
