package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;

class StationTest {

    @Test
    void unstableTimingIsRefusedUnlessAllowedAndTheCheckIsKeptEitherWay() {
        RefreshCheck check;
        try (Station station = Station.open(WindowSettings.windowed(320, 240), true)) {
            check = station.refreshCheck();
            assertThat(check.intervals()).isEqualTo(Station.REFRESH_CHECK_INTERVALS);
            assertThat(station.refreshHz()).isEqualTo(check.measuredHz());
            assertThat(station.loop().periodNs()).isEqualTo(check.periodNs());
        }
        // Xvfb and headless EGL do not pace swaps to a refresh, so there the check fails and the station refuses
        if (GlPlatform.current() == GlPlatform.HEADLESS_EGL || !check.stable()) {
            assertThat(check.stable()).isFalse();
            assertThatThrownBy(() -> Station.open(WindowSettings.windowed(320, 240), false))
                    .isInstanceOf(TandemException.class)
                    .hasMessageStartingWith("refresh check failed: ")
                    .hasMessageContaining("--allow-unstable-timing");
            // the refused station released its window: another opens
            Station.open(WindowSettings.windowed(320, 240), true).close();
        }
    }

    @Test
    void fullScreenFillsTheMonitorAndAMissingMonitorIsNamed() {
        try (GlWindow window = GlWindow.open(WindowSettings.fullscreen(0))) {
            assertThat(window.width()).isGreaterThan(1);
            assertThat(window.height()).isGreaterThan(1);
        }
        assertThatThrownBy(() -> GlWindow.open(WindowSettings.fullscreen(7))).isInstanceOf(TandemException.class)
                .hasMessageStartingWith("--screen 7 does not exist");
    }
}
