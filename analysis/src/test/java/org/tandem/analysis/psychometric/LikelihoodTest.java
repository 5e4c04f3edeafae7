package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The likelihood and the deviance against small examples worked by hand. */
class LikelihoodTest {
    private static final FitOptions LOGISTIC_NO_ASYMPTOTES = FitOptions.yesNo().withSigmoid(Sigmoid.LOGISTIC)
            .withGuess(Asymptote.fixed(0)).withLapse(Asymptote.fixed(0));

    private static FitProblem problem(FitOptions options, double[] levels, int[] k, int[] n) {
        return FitProblem.of(BinomialCounts.of(levels, k, n), options);
    }

    @Test
    void binomialLogLikelihoodAndDevianceOfALogisticCurve() {
        // levels 1, 2, 3 with 1/4, 2/4, 3/4 "yes"; logistic at location 2, scale 1: p = σ(−1), 1/2, σ(1)
        FitProblem problem = problem(LOGISTIC_NO_ASYMPTOTES, new double[] {1, 2, 3}, new int[] {1, 2, 3},
                new int[] {4, 4, 4});
        Parameters p = new Parameters(2, 1, 0, 0, 0);
        double e = Math.E;
        // ℓ = 2 [ln σ(−1) + 3 ln σ(1)] + 4 ln ½ with ln σ(1) = −ln(1 + 1/e), ln σ(−1) = −ln(1 + e)
        double expected = -2 * Math.log(1 + e) - 6 * Math.log(1 + 1 / e) - 4 * Math.log(2);
        assertThat(problem.logLikelihood(p)).isCloseTo(expected, within(1e-13));
        // D = 2 Σ k ln(k/np) + (n−k) ln((n−k)/(n(1−p))); the middle level fits exactly, the outer two mirror
        double sigmaMinus = 1 / (1 + e);
        double sigmaPlus = 1 / (1 + 1 / e);
        double outer = Math.log(0.25 / sigmaMinus) + 3 * Math.log(0.75 / sigmaPlus);
        assertThat(problem.deviance(p)).isCloseTo(4 * outer, within(1e-13));
    }

    @Test
    void devianceIsZeroForTheSaturatedProbabilitiesAndTermsHandleEmptyCells() {
        assertThat(FitProblem.binomialDevianceTerm(3, 10, 0.3)).isZero();
        // k = 0: only the (n − k) term, 2 n ln(1/(1 − p))
        assertThat(FitProblem.binomialDevianceTerm(0, 5, 0.2)).isCloseTo(-10 * Math.log(0.8), within(1e-14));
        assertThat(FitProblem.binomialDevianceTerm(5, 5, 0.2)).isCloseTo(-10 * Math.log(0.2), within(1e-14));
    }

    @Test
    void guessAndLapseScaleTheCurve() {
        Parameters p = new Parameters(2, 1, 0.5, 0.1, 0);
        // ψ(location) = γ + (1 − γ − λ)/2
        assertThat(p.psi(Sigmoid.CUMULATIVE_NORMAL, 2)).isCloseTo(0.5 + 0.4 / 2, within(1e-15));
        assertThat(p.psi(Sigmoid.LOGISTIC, 2 + Math.log(3))).isCloseTo(0.5 + 0.4 * 0.75, within(1e-15));
    }

    @Test
    void betaBinomialMatchesItsClosedFormAndReducesToBinomialForSingleTrials() {
        FitOptions options = LOGISTIC_NO_ASYMPTOTES.withOverdispersion(true);
        // one level at the location (p = ½), k = 1 of n = 2: P = 2ab/(ν(ν+1)) with a = b = ν/2; ℓ drops the 2
        FitProblem two = problem(options, new double[] {1, 2, 3}, new int[] {0, 1, 0}, new int[] {0, 2, 0});
        double eta = 0.3;
        double nu = 1 / (eta * eta) - 1;
        double expected = Math.log((nu / 2) * (nu / 2) / (nu * (nu + 1)));
        assertThat(two.logLikelihood(new Parameters(2, 1, 0, 0, eta))).isCloseTo(expected, within(1e-13));
        FitProblem single = problem(options, new double[] {1, 2, 3}, new int[] {0, 1, 1}, new int[] {1, 1, 1});
        Parameters binomial = new Parameters(2, 0.7, 0, 0, 0);
        assertThat(single.logLikelihood(binomial.withEta(eta))).isCloseTo(single.logLikelihood(binomial),
                within(1e-13));
    }
}
