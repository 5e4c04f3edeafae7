package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A climb that Commons Math's BOBYQA ends with an exception must not end the fit. */
class BobyqaSearchTest {

    @Test
    void aTrustRegionStepThatFailsGivesBackItsStartInsteadOfEndingTheFit() {
        // on these yes/no counts (yesno_norm_12lvl_25tr of psychometric/bayes), with guess and lapse rates free up to
        // 0.5, one of the climbs stops with "trust region step has failed to reduce Q"
        BinomialCounts counts = BinomialCounts.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                new int[] {1, 1, 2, 1, 3, 14, 14, 24, 20, 21, 25, 24},
                new int[] {25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25});
        FitOptions options = FitOptions.yesNo().withGuess(Asymptote.free(0.5)).withLapse(Asymptote.free(0.5))
                .withBootstrap(0, 1);
        PsychometricFit fit = PsychometricFitter.fit(counts, options);
        assertThat(fit.fitted()).isTrue();
        assertThat(fit.location().value()).isBetween(5.5, 7.0);
        assertThat(fit.lapse().value()).isBetween(0.0, 0.2);
    }
}
