package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FittedCurveTest {
    private static final double[] GRID = {0, 25, 50, 75, 100};

    @Test
    void theCurvePassesHalfAtThePseAndTheBandHoldsTheCurve() {
        BinomialCounts counts = ReferenceData.counts(ReferenceData.YES_NO);
        FitOptions options = FitOptions.yesNo().withBootstrap(400, 3);
        FittedCurve curve = PsychometricFitter.fitCurve(counts, options, GRID);

        assertThat(curve.fit()).isEqualTo(PsychometricFitter.fit(counts, options));
        assertThat(curve.fit().psiAt(curve.fit().pse().value())).isCloseTo(0.5, within(1e-6));
        assertThat(curve.psi()[0]).isLessThan(curve.psi()[2]).isLessThan(curve.psi()[4]);
        for (int i = 0; i < GRID.length; i++) {
            assertThat(curve.lower()[i]).isLessThanOrEqualTo(curve.psi()[i]);
            assertThat(curve.upper()[i]).isGreaterThanOrEqualTo(curve.psi()[i]);
            assertThat(curve.upper()[i] - curve.lower()[i]).isLessThan(0.3);
        }
        // the band is widest where the curve is steep and uncertain in position, not at the flat ends
        assertThat(curve.upper()[2] - curve.lower()[2]).isGreaterThan(curve.upper()[0] - curve.lower()[0]);
    }

    @Test
    void withoutAFitTheCurveIsEmptyAndWithoutABootstrapTheBandIsNaN() {
        FittedCurve none = PsychometricFitter.fitCurve(BinomialCounts.of(new double[] {1, 2}, new int[] {1, 2},
                new int[] {4, 4}), FitOptions.yesNo(), GRID);
        assertThat(none.psi()).isEmpty();
        assertThat(none.fit().psiAt(1)).isNaN();
        FittedCurve noBands = PsychometricFitter.fitCurve(ReferenceData.counts(ReferenceData.YES_NO),
                FitOptions.yesNo().withBootstrap(0, 1), GRID);
        assertThat(noBands.psi()).hasSize(GRID.length);
        assertThat(noBands.lower()).containsOnly(Double.NaN);
    }
}
