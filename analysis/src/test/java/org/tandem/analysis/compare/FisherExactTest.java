package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Two-sided p against SciPy 1.x {@code scipy.stats.fisher_exact} (the same as R's fisher.test) on the same tables. */
class FisherExactTest {
    @Test
    void twoSidedPMatchesScipy() {
        assertThat(FisherExact.test(30, 10, 18, 22).p()).isCloseTo(0.01150621201656047, within(1e-12));
        assertThat(FisherExact.test(12, 12, 12, 12).p()).isCloseTo(1.0, within(1e-12));
        assertThat(FisherExact.test(3, 1, 1, 3).p()).isCloseTo(0.48571428571428565, within(1e-12));
        assertThat(FisherExact.test(0, 5, 6, 0).p()).isCloseTo(0.0021645021645021645, within(1e-12));
        assertThat(FisherExact.test(7, 13, 2, 28).p()).isCloseTo(0.020745074994401168, within(1e-12));
    }

    @Test
    void aGroupWithoutCountsLeavesTheTestUndefined() {
        FisherExact empty = FisherExact.test(0, 0, 4, 2);
        assertThat(empty.p()).isNull();
        assertThat(empty.undefinedReason()).contains("at least one count");
    }
}
