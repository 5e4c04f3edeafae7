package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * psignifit's default priors against values worked out by hand: levels 0 … 10 (range r = 10) with a smallest step of
 * 1, so the threshold prior integrates to 1.5 r = 15 before normalisation, the width prior to
 * (step/2) + (r − 2 step) + r = 18.5, and Beta(1, 10) on [0, 0.5] to 1 − 0.5¹⁰.
 */
class BayesPriorsTest {
    private static final PsignifitPriors PRIORS = new PsignifitPriors(0, 10, 1, Asymptote.free(0.5),
            Asymptote.free(0.5), true);
    /** The trapezoidal normalisation on 10,000 points, as psignifit's, differs from the exact integral by far less. */
    private static final double RELATIVE = 1e-6;

    private static void assertDensity(int parameter, double x, double expected) {
        assertThat(PRIORS.density(parameter, x)).isCloseTo(expected, within(RELATIVE * Math.max(expected, 1e-3)));
    }

    @Test
    void thresholdIsFlatOverTheRangeAndFallsAsACosineToHalfTheRangeBeyondIt() {
        int t = PsignifitPriors.THRESHOLD;
        assertDensity(t, 5, 1.0 / 15);
        assertDensity(t, 0.001, 1.0 / 15);
        // a quarter of the range outside: (1 + cos(π/2))/2 = 1/2
        assertDensity(t, -2.5, 0.5 / 15);
        assertDensity(t, 12.5, 0.5 / 15);
        // one tenth of the range outside: (1 + cos(0.2π))/2
        assertDensity(t, -1, (1 + 0.8090169943749474) / 2 / 15);
        assertDensity(t, 11, (1 + 0.8090169943749474) / 2 / 15);
        assertDensity(t, -5, 0);
        assertDensity(t, 15.5, 0);
        assertThat(PRIORS.lower(t)).isEqualTo(-5);
        assertThat(PRIORS.upper(t)).isEqualTo(15);
    }

    @Test
    void widthRisesFromTheSmallestStepToTwiceItAndFallsFromTheRangeToThreeTimesIt() {
        int w = PsignifitPriors.WIDTH;
        assertDensity(w, 5, 1 / 18.5);
        // halfway up the rise, 1.5 steps: (1 − cos(π/2))/2 = 1/2
        assertDensity(w, 1.5, 0.5 / 18.5);
        // 1.25 steps: (1 − cos(π/4))/2
        assertDensity(w, 1.25, (1 - Math.sqrt(0.5)) / 2 / 18.5);
        // twice the range, halfway down the fall: (1 + cos(π/2))/2 = 1/2
        assertDensity(w, 20, 0.5 / 18.5);
        assertDensity(w, 0.5, 0);
        assertDensity(w, 30, 0);
        assertThat(PRIORS.lower(w)).isEqualTo(1);
        assertThat(PRIORS.upper(w)).isEqualTo(30);
    }

    @Test
    void guessLapseAndEtaAreBetaOneTen() {
        double onHalf = 1 - Math.pow(0.5, 10);
        for (int j : new int[] {PsignifitPriors.GUESS, PsignifitPriors.LAPSE}) {
            assertDensity(j, 0, 10 / onHalf);
            assertDensity(j, 0.1, 10 * 0.387420489 / onHalf); // 0.9⁹
            assertDensity(j, 0.5, 10 * 0.001953125 / onHalf); // 0.5⁹
            assertDensity(j, 0.6, 0);
            assertThat(PRIORS.upper(j)).isEqualTo(0.5);
        }
        assertDensity(PsignifitPriors.ETA, 0.2, 1.34217728); // 10 × 0.8⁹, on [0, 1 − 10⁻¹⁰]
        assertDensity(PsignifitPriors.ETA, -0.1, 0);
        assertThat(PsignifitPriors.beta1And10(1)).isZero();
    }

    @Test
    void fixedParametersHaveNoPriorAndTheBinomialModelNoEta() {
        PsignifitPriors twoAfc = new PsignifitPriors(1, 7, 1, Asymptote.fixed(0.5), Asymptote.fixed(0.02), false);
        assertThat(twoAfc.fixed(PsignifitPriors.GUESS)).isTrue();
        assertThat(twoAfc.fixed(PsignifitPriors.ETA)).isTrue();
        assertThat(twoAfc.upper(PsignifitPriors.ETA)).isZero();
        assertThat(twoAfc.density(PsignifitPriors.LAPSE, 0.02)).isEqualTo(1);
        assertThat(twoAfc.fixed(PsignifitPriors.THRESHOLD)).isFalse();
        // a lapse rate bounded at 0.05 gets the Beta(1, 10) density cut there and renormalised
        PsignifitPriors bounded = new PsignifitPriors(1, 7, 1, Asymptote.fixed(0.5), Asymptote.free(0.05), true);
        assertThat(bounded.density(PsignifitPriors.LAPSE, 0)).isCloseTo(10 / (1 - Math.pow(0.95, 10)),
                within(1e-5));
    }

    @Test
    void whereTheRiseAndTheFallOfTheWidthPriorOverlapTheFallWins() {
        // range 10, smallest step 6: the rise runs over [6, 12] and the fall over [10, 30]; psignifit assigns the
        // fall last
        assertThat(PsignifitPriors.widthShape(11, 6, 10)).isCloseTo((1 + Math.cos(Math.PI / 2 * 0.1)) / 2,
                within(1e-15));
        assertThat(PsignifitPriors.widthShape(8, 6, 10)).isCloseTo((1 - Math.cos(Math.PI * 2 / 6)) / 2,
                within(1e-15));
    }
}
