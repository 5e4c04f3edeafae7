package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Timing;
import org.tandem.protocols.Timing.Duration;

class FrameConversionsTest {

    @Test
    void millisecondsBecomeTheNearestWholeFrameAndFramesStayAsGiven() {
        Timing timing = new Timing(Duration.ofMs(500), Duration.ofMs(200), new Duration(null, 3), null, null,
                Duration.ofMs(1000), null, null);
        List<FrameConversion> conversions = FrameConversions.of(timing, 59.94);
        assertThat(conversions).extracting(FrameConversion::screen)
                .containsExactly("fixation", "stimulus", "isi", "iti");
        assertThat(FrameConversions.frames(conversions, "stimulus")).isEqualTo(12);
        assertThat(FrameConversions.frames(conversions, "isi")).isEqualTo(3);
        assertThat(FrameConversions.frames(conversions, "mask")).isZero();
        assertThat(conversions.get(1).describe()).isEqualTo("stimulus: 200 ms -> 12 frames at 59.94 Hz = 200.2 ms");
        assertThat(conversions.get(2).describe()).isEqualTo("isi: 3 frames -> 3 frames at 59.94 Hz = 50.1 ms");
    }

    @Test
    void aDurationShorterThanHalfAFrameIsRefused() {
        Timing timing = new Timing(null, Duration.ofMs(5), null, null, null, null, null, null);
        assertThatThrownBy(() -> FrameConversions.of(timing, 60)).isInstanceOf(TandemException.class)
                .hasMessageStartingWith("timing.stimulus: 5.0 ms is shorter than half a frame");
    }
}
