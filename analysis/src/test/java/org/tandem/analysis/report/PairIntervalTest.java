package org.tandem.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tandem.analysis.records.PairAccuracy;

class PairIntervalTest {
    // reference values from the Wilson formula with z = Φ⁻¹(0.975), in Python 3 with SciPy 1.17.1:
    // c = (p + z²/2n)/(1 + z²/n), h = z/(1 + z²/n)·sqrt(p(1 − p)/n + z²/4n²), interval [c − h, c + h]

    @Test
    void sevenOfTwelve() {
        PairInterval i = PairInterval.of(new PairAccuracy(40, 50, 7, 12));

        assertThat(i.accuracy()).isCloseTo(7 / 12.0, within(1e-12));
        assertThat(i.ciLow()).isCloseTo(0.31951131254954973, within(1e-9));
        assertThat(i.ciHigh()).isCloseTo(0.8067396863412435, within(1e-9));
    }

    @Test
    void allRightStillHasALowerBoundBelowOne() {
        PairInterval i = PairInterval.of(new PairAccuracy(40, 50, 10, 10));

        assertThat(i.ciLow()).isCloseTo(0.7224672001371107, within(1e-9));
        assertThat(i.ciHigh()).isEqualTo(1.0);
    }

    @Test
    void allWrongStartsAtZero() {
        PairInterval i = PairInterval.of(new PairAccuracy(40, 50, 0, 8));

        assertThat(i.ciLow()).isEqualTo(0.0);
        assertThat(i.ciHigh()).isCloseTo(0.32440756488388023, within(1e-9));
    }
}
