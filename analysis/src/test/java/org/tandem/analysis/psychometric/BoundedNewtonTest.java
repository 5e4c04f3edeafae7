package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedNewtonTest {
    private static final double[] LEVELS = {1, 2, 3, 4, 5, 6, 7};
    private static final int[] N = {30, 30, 30, 30, 30, 30, 30};
    /** The 2AFC reference estimate, the warm start of every bootstrap refit of that data set. */
    private static final Parameters WARM_START = new Parameters(4.2314297, 0.9273048, 0.5, 0.0266808, 0);

    @Test
    void warmStartReachesTheMaximumOfTheFullSearchWhereFisherScoringZigZags() {
        // a bootstrap sample of the 2AFC reference the curve fits poorly: expected and observed information differ
        FitProblem problem = FitProblem.of(BinomialCounts.of(LEVELS, new int[] {12, 15, 12, 22, 26, 29, 29}, N),
                FitOptions.nAfc(2));
        Parameters refit = new BoundedNewton(1e-7).maximise(problem, WARM_START);
        Parameters full = MaximumLikelihood.fit(problem);
        assertThat(refit).isNotNull();
        assertThat(refit.location()).isCloseTo(full.location(), within(1e-3));
        assertThat(refit.scale()).isCloseTo(full.scale(), within(1e-3));
        assertThat(problem.logLikelihood(refit)).isCloseTo(problem.logLikelihood(full), within(1e-6));
    }

    @Test
    void parametersPushedAgainstABoundStayThere() {
        // every level above 28/30 correct at the top: the lapse rate wants to be 0
        FitProblem problem = FitProblem.of(BinomialCounts.of(LEVELS, new int[] {15, 16, 20, 25, 30, 30, 30}, N),
                FitOptions.nAfc(2));
        Parameters refit = new BoundedNewton(1e-10).maximise(problem, WARM_START);
        assertThat(refit.lapse()).isZero();
        assertThat(refit.guess()).isEqualTo(0.5);
        Parameters full = MaximumLikelihood.fit(problem);
        assertThat(problem.logLikelihood(refit)).isCloseTo(problem.logLikelihood(full), within(1e-8));
    }
}
