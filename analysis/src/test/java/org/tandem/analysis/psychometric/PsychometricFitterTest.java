package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class PsychometricFitterTest {
    private static final double[] LEVELS = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void degenerateDataGiveAReasonInsteadOfANumber() {
        FitOptions options = FitOptions.yesNo();
        assertThat(PsychometricFitter.fit(BinomialCounts.of(new double[] {1, 2, 3}, new int[] {0, 0, 0},
                new int[] {0, 0, 0}), options).reason()).isEqualTo("cannot fit: there are no trials (n = 0 at every level)");
        PsychometricFit twoLevels = PsychometricFitter.fit(BinomialCounts.of(new double[] {1, 2, 3},
                new int[] {1, 3, 0}, new int[] {5, 5, 0}), options);
        assertThat(twoLevels.fitted()).isFalse();
        assertThat(twoLevels.reason()).contains("3 or more stimulus levels, got 2");
        assertThat(twoLevels.location()).isNull();
        PsychometricFit allYes = PsychometricFitter.fit(BinomialCounts.of(new double[] {1, 2, 3},
                new int[] {5, 5, 5}, new int[] {5, 5, 5}), options);
        assertThat(allYes.reason()).contains("every answer is \"yes\"");
        PsychometricFit allWrong = PsychometricFitter.fit(BinomialCounts.of(new double[] {1, 2, 3},
                new int[] {0, 0, 0}, new int[] {5, 5, 5}), FitOptions.nAfc(2));
        assertThat(allWrong.reason()).contains("every answer is not correct");
        PsychometricFit weibullAtZero = PsychometricFitter.fit(BinomialCounts.of(new double[] {0, 2, 3},
                new int[] {1, 3, 4}, new int[] {5, 5, 5}), options.withSigmoid(Sigmoid.WEIBULL));
        assertThat(weibullAtZero.reason()).contains("needs every tested level > 0, got 0.0");
    }

    @Test
    void aPseFarOutsideTheTestedRangeIsUndefinedWithTheReason() {
        // "yes" rises from 1/40 to 6/40 over levels 1–5: the curve would reach 0.5 far beyond level 6
        PsychometricFit fit = PsychometricFitter.fit(BinomialCounts.of(new double[] {1, 2, 3, 4, 5},
                new int[] {1, 2, 3, 4, 6}, new int[] {40, 40, 40, 40, 40}), FitOptions.yesNo().withBootstrap(100, 1));
        assertThat(fit.fitted()).isTrue();
        assertThat(fit.pse().value()).isNull();
        assertThat(fit.pse().reason()).contains("outside the tested range [1, 5] widened by a quarter of its span");
        assertThat(fit.slope().reason()).startsWith("no slope");
        assertThat(fit.location().value()).isGreaterThan(6);
    }

    @Test
    void sameSeedSameIntervalsWhateverTheNumberOfThreads() throws Exception {
        BinomialCounts counts = ReferenceData.counts(ReferenceData.YES_NO);
        FitOptions options = FitOptions.yesNo().withBootstrap(300, 5);
        PsychometricFit parallel = PsychometricFitter.fit(counts, options);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            PsychometricFit oneThread = single.submit(() -> PsychometricFitter.fit(counts, options)).get();
            assertThat(oneThread).isEqualTo(parallel);
        } finally {
            single.shutdown();
        }
        PsychometricFit otherSeed = PsychometricFitter.fit(counts, options.withBootstrap(300, 6));
        assertThat(otherSeed.location().ci()).isNotEqualTo(parallel.location().ci());
        assertThat(otherSeed.location().value()).isEqualTo(parallel.location().value());
    }

    @Test
    void everySigmoidRecoversTheCurveItGenerated() {
        for (Sigmoid sigmoid : Sigmoid.values()) {
            double location = sigmoid.toAxis(5);
            double scale = sigmoid.logAxis() ? 0.2 : 1.2;
            Parameters truth = new Parameters(location, scale, 0.02, 0.03, 0);
            BinomialCounts data = SimulatedData.draw(sigmoid, truth, LEVELS, 2000, 42);
            PsychometricFit fit = PsychometricFitter.fit(data, FitOptions.yesNo().withSigmoid(sigmoid)
                    .withBootstrap(200, 1));
            assertThat(fit.location().value()).as("%s location", sigmoid).isCloseTo(5, within(0.1));
            assertThat(fit.scale().value()).as("%s scale", sigmoid).isCloseTo(scale, within(0.1 * scale));
            assertThat(fit.location().ci().contains(5)).as("%s interval %s", sigmoid, fit.location().ci()).isTrue();
            double expectedWidth = sigmoid.fromAxis(location + scale * sigmoid.quantile(0.95))
                    - sigmoid.fromAxis(location + scale * sigmoid.quantile(0.05));
            assertThat(fit.width().value()).as("%s width", sigmoid).isCloseTo(expectedWidth, within(0.1 * expectedWidth));
        }
    }

    @Test
    void bcaIntervalsAreNearThePercentileOnesAndKeepTheEstimateInside() {
        BinomialCounts counts = ReferenceData.counts(ReferenceData.YES_NO);
        FitOptions options = FitOptions.yesNo().withBootstrap(1000, 3);
        PsychometricFit percentile = PsychometricFitter.fit(counts, options);
        PsychometricFit bca = PsychometricFitter.fit(counts, options.withIntervals(IntervalMethod.BCA, 0.95));
        assertThat(bca.bootstrap().method()).isEqualTo(IntervalMethod.BCA);
        for (Estimate e : new Estimate[] {bca.location(), bca.scale(), bca.pse(), bca.jnd(), bca.slope()}) {
            assertThat(e.ci().contains(e.value())).as("%s", e).isTrue();
        }
        assertThat(bca.location().ci().width()).isCloseTo(percentile.location().ci().width(),
                within(0.3 * percentile.location().ci().width()));
        assertThat(bca.location().ci()).isNotEqualTo(percentile.location().ci());
    }

    @Test
    void overdispersionIsNearZeroForBinomialDataAndWidensIntervalsForClusteredData() {
        double[] levels = new double[15];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = 1 + i * 0.6;
        }
        Parameters truth = new Parameters(5, 1.5, 0.02, 0.02, 0);
        FitOptions options = FitOptions.yesNo().withOverdispersion(true).withBootstrap(100, 2);
        PsychometricFit plain = PsychometricFitter.fit(SimulatedData.draw(Sigmoid.CUMULATIVE_NORMAL, truth, levels,
                60, 9), options);
        assertThat(plain.overdispersion().value()).isLessThan(0.1);
        // clustered answers: each level's trials share a probability drawn anew (beta-binomial, η = 0.5)
        org.tandem.protocols.plan.SplitMix64 random = new org.tandem.protocols.plan.SplitMix64(4);
        int[] k = new int[levels.length];
        int[] n = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            n[i] = 60;
            k[i] = ParametricBootstrap.polyaUrn(random, 60, truth.psi(Sigmoid.CUMULATIVE_NORMAL, levels[i]), 0.5);
        }
        BinomialCounts clustered = BinomialCounts.of(levels, k, n);
        PsychometricFit withEta = PsychometricFitter.fit(clustered, options);
        PsychometricFit binomialModel = PsychometricFitter.fit(clustered, options.withOverdispersion(false));
        assertThat(withEta.overdispersion().value()).isBetween(0.25, 0.75);
        assertThat(withEta.location().ci().width()).isGreaterThan(1.5 * binomialModel.location().ci().width());
        assertThat(binomialModel.overdispersion().ci()).isNull();
    }
}
