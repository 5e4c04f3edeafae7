package org.tandem.analysis.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Tuning values worked by hand on two identities × three expressions. */
class UnitTuningTest {

    @Test
    void tuningIsTheExpressionsMeanZScoreAndThePreferenceItsLargest() {
        // unit 0 responds 1, 2, 6 to expressions 0, 1, 2 for both identities: mean 3, SD sqrt(28/5)
        // unit 1 is constant
        float[][] rows = {{1, 4}, {2, 4}, {6, 4}, {1, 4}, {2, 4}, {6, 4}};
        int[] expression = {0, 1, 2, 0, 1, 2};
        UnitTuning.Result tuning = UnitTuning.of(rows, expression, 3);
        double sd = Math.sqrt(28.0 / 5);
        assertThat(tuning.values()[0][0]).isCloseTo(-2 / sd, within(1e-12));
        assertThat(tuning.values()[0][1]).isCloseTo(-1 / sd, within(1e-12));
        assertThat(tuning.values()[0][2]).isCloseTo(3 / sd, within(1e-12));
        assertThat(tuning.preferred()).containsExactly(2, -1);
        assertThat(tuning.values()[1]).containsOnly(Double.NaN);
    }
}
