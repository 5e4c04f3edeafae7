package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The Bayesian fit's own properties; agreement with psignifit is {@link BayesReferenceTest}. */
class BayesianFitterTest {

    private static FitOptions twoAfc() {
        return BayesianFitter.psignifitDefaults(FitOptions.nAfc(2));
    }

    @Test
    void thePosteriorIntegratesToOne() {
        // threshold, width and lapse free, η = 0. The posterior density normalised by the grid's evidence, summed
        // with psignifit's trapezoidal weights at the grid's points, each computed afresh by the one-point likelihood,
        // gives 1: the grid's fast products agree with it everywhere. Integrated by Simpson's rule on a far finer
        // lattice it gives 1 over the fine grid's box to within the error of psignifit's 40-point trapezoidal rule
        // (here about 1 %), and over the priors' whole support a little more: the mass psignifit's box leaves out,
        // where no first-grid point held 10⁻⁵ of it.
        FitOptions options = twoAfc().withOverdispersion(false);
        BayesianFitter.Analysis analysis = BayesianFitter.analyse(ReferenceData.counts(ReferenceData.TWO_AFC), options);
        PosteriorGrid fine = analysis.fine();
        int[] axes = {PsignifitPriors.THRESHOLD, PsignifitPriors.WIDTH, PsignifitPriors.LAPSE};
        double[][] box = new double[3][];
        double[][] support = new double[3][];
        for (int d = 0; d < 3; d++) {
            double[] axis = fine.axes[axes[d]];
            box[d] = new double[] {axis[0], axis[axis.length - 1]};
            support[d] = new double[] {analysis.model().priors.lower(axes[d]), analysis.model().priors.upper(axes[d])};
        }
        double onGrid = sumOverTheGrid(analysis);
        assertThat(onGrid).isCloseTo(1, within(1e-9));
        assertThat(integral(analysis, box, 120)).isCloseTo(1, within(0.02));
        assertThat(integral(analysis, support, 160)).isBetween(1.0, 1.02);
        assertThat(Arrays.stream(fine.massWithoutEta).sum()).isCloseTo(1, within(1e-12));
        for (double[] marginal : fine.marginals) {
            assertThat(Arrays.stream(marginal).sum()).isCloseTo(1, within(1e-12));
        }
    }

    /**
     * Σ exp(log posterior − log evidence) × psignifit's weights over the fine grid, each log posterior computed afresh
     * by the one-point likelihood: 1 when the grid's products agree with it at every point.
     */
    private static double sumOverTheGrid(BayesianFitter.Analysis analysis) {
        PosteriorGrid fine = analysis.fine();
        double[][] a = fine.axes;
        double[][] w = new double[PsignifitPriors.COUNT][];
        for (int j = 0; j < PsignifitPriors.COUNT; j++) {
            w[j] = PosteriorGrid.weights(a[j]);
        }
        double sum = 0;
        for (int t = 0; t < a[0].length; t++) {
            for (int wd = 0; wd < a[1].length; wd++) {
                for (int g = 0; g < a[2].length; g++) {
                    for (int l = 0; l < a[3].length; l++) {
                        for (int e = 0; e < a[4].length; e++) {
                            double lp = analysis.model().logPosterior(a[0][t], a[1][wd], a[2][g], a[3][l], a[4][e]);
                            sum += w[0][t] * w[1][wd] * w[2][g] * w[3][l] * w[4][e] * Math.exp(lp - fine.logEvidence);
                        }
                    }
                }
            }
        }
        return sum;
    }

    @Test
    void theGridAgreesWithTheOnePointLikelihoodWithAndWithoutOverdispersionAndForLargeLevels() {
        // 2AFC with η free; one level of 1500 trials (computed by log-gamma differences) among levels of 30 and 400
        // (products of factors, the 400 in two parts)
        BinomialCounts counts = BinomialCounts.of(new double[] {1, 2, 3, 4, 5, 6, 7}, new int[] {15, 11, 21, 250, 27,
                1420, 29}, new int[] {30, 30, 30, 400, 30, 1500, 30});
        BayesianFitter.Analysis analysis = BayesianFitter.analyse(counts, twoAfc());
        assertThat(analysis.model().kernel(PosteriorModel.GROUP_BUDGET).direct()).containsExactly(5);
        assertThat(sumOverTheGrid(analysis)).isCloseTo(1, within(1e-9));
    }

    @Test
    void logGammaDifferencesAreSumsOfLogs() {
        for (double x : new double[] {1e-3, 0.5, 3.7, 12, 1e4, 1e8}) {
            for (int m : new int[] {1, 5, 17, 100, 2500}) {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += Math.log(x + j);
                }
                assertThat(PosteriorModel.logRising(x, m)).as("x %s, m %d", x, m)
                        .isCloseTo(sum, within(1e-11 * Math.max(1, Math.abs(sum))));
            }
        }
        assertThat(PosteriorModel.logRising(0, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PosteriorModel.logRising(0, 0)).isZero();
    }

    /** ∫ exp(log posterior − log evidence) over threshold × width × lapse, Simpson's rule with this many intervals. */
    private static double integral(BayesianFitter.Analysis analysis, double[][] bounds, int intervals) {
        double[][] nodes = new double[3][intervals + 1];
        double[][] weights = new double[3][intervals + 1];
        for (int d = 0; d < 3; d++) {
            double h = (bounds[d][1] - bounds[d][0]) / intervals;
            for (int i = 0; i <= intervals; i++) {
                nodes[d][i] = bounds[d][0] + i * h;
                weights[d][i] = h / 3 * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
            }
        }
        double logEvidence = analysis.fine().logEvidence;
        double sum = 0;
        for (int a = 0; a <= intervals; a++) {
            for (int b = 0; b <= intervals; b++) {
                for (int c = 0; c <= intervals; c++) {
                    double lp = analysis.model().logPosterior(nodes[0][a], nodes[1][b], 0.5, nodes[2][c], 0);
                    sum += weights[0][a] * weights[1][b] * weights[2][c] * Math.exp(lp - logEvidence);
                }
            }
        }
        return sum;
    }

    @Test
    void recoversARisingCumulativeNormalFromLargeNoiselessData() {
        double threshold = 5;
        double width = 4;
        double lapse = 0.02;
        double[] levels = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        int trials = 4000;
        int[] k = new int[levels.length];
        int[] n = new int[levels.length];
        double unitWidth = Sigmoid.CUMULATIVE_NORMAL.quantile(0.95) - Sigmoid.CUMULATIVE_NORMAL.quantile(0.05);
        for (int i = 0; i < levels.length; i++) {
            double psi = 0.5 + (0.5 - lapse) * StandardNormal.cdf((levels[i] - threshold) * unitWidth / width);
            n[i] = trials;
            k[i] = (int) Math.round(trials * psi);
        }
        PsychometricFit fit = BayesianFitter.fit(BinomialCounts.of(levels, k, n), twoAfc());
        assertThat(fit.fitted()).isTrue();
        assertThat(fit.method()).isEqualTo("bayes");
        assertThat(fit.direction()).isEqualTo("increasing");
        assertThat(fit.location().value()).isCloseTo(threshold, within(0.01 * width));
        assertThat(fit.width().value()).isCloseTo(width, within(0.01 * width));
        assertThat(fit.lapse().value()).isCloseTo(lapse, within(0.003));
        assertThat(fit.overdispersion().value()).isLessThan(0.01);
        // the 2AFC threshold (75 %) of the true curve
        double x75 = threshold + width / unitWidth * StandardNormal.quantile(0.25 / (0.5 - lapse));
        assertThat(fit.threshold().value()).isCloseTo(x75, within(0.01 * width));
        // a posterior this narrow falls between psignifit's 40 threshold values: the intervals are as fine as the grid
        double step = (fit.posterior().grid().get(0).to() - fit.posterior().grid().get(0).from()) / 39;
        assertThat(fit.location().ci().width()).isLessThan(2 * step);
        assertThat(fit.location().ci().lower()).isCloseTo(threshold, within(step));
        assertThat(fit.location().ci().upper()).isCloseTo(threshold, within(step));
    }

    @Test
    void sameResultWhateverTheNumberOfThreads() throws Exception {
        BinomialCounts counts = ReferenceData.counts(ReferenceData.YES_NO);
        FitOptions options = BayesianFitter.psignifitDefaults(FitOptions.yesNo());
        PsychometricFit parallel = BayesianFitter.fit(counts, options);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            assertThat(single.submit(() -> BayesianFitter.fit(counts, options)).get()).isEqualTo(parallel);
        } finally {
            single.shutdown();
        }
    }

    @Test
    void reportsMapWithCredibleIntervalsAndSaysSo() {
        PsychometricFit fit = BayesianFitter.fit(ReferenceData.counts(ReferenceData.YES_NO),
                BayesianFitter.psignifitDefaults(FitOptions.yesNo()));
        assertThat(fit.method()).isEqualTo("bayes");
        assertThat(fit.bootstrap()).isNull();
        assertThat(fit.goodnessOfFitP()).isNull();
        assertThat(fit.posterior().level()).isEqualTo(0.95);
        assertThat(fit.posterior().estimate()).contains("MAP");
        assertThat(fit.posterior().intervals()).contains("95 % credible");
        assertThat(fit.posterior().priors()).contains("Beta(1, 10)");
        assertThat(fit.posterior().grid()).extracting(PsychometricFit.GridAxis::points)
                .containsExactly(40, 40, 20, 20, 20);
        // for yes/no the PSE is where ψ = 0.5, the threshold the same point
        assertThat(fit.pse().value()).isEqualTo(fit.threshold().value());
        assertThat(fit.psiAt(fit.pse().value())).isCloseTo(0.5, within(1e-9));
        for (Estimate e : new Estimate[] {fit.location(), fit.width(), fit.pse(), fit.jnd(), fit.slope()}) {
            assertThat(e.ci().definedFraction()).isEqualTo(1);
            assertThat(e.ci().contains(e.value())).as("%s", e).isTrue();
        }
        assertThat(fit.devianceDf()).isEqualTo(21 - 5);
        // a 2AFC curve never crosses 0.5: no PSE, in any part of the posterior
        PsychometricFit afc = BayesianFitter.fit(ReferenceData.counts(ReferenceData.TWO_AFC), twoAfc());
        assertThat(afc.pse().value()).isNull();
        assertThat(afc.pse().ci().lower()).isNull();
        assertThat(afc.pse().ci().reason()).isEqualTo("only 0 % of the posterior defines it");
        assertThat(afc.guess().ci().lower()).isEqualTo(0.5);
        assertThat(afc.posterior().grid().get(PsignifitPriors.GUESS).points()).isEqualTo(1);
    }

    @Test
    void refusesWhatTheMaximumLikelihoodFitRefusesAndFollowsFallingData() {
        PsychometricFit twoLevels = BayesianFitter.fit(BinomialCounts.of(new double[] {1, 2}, new int[] {1, 2},
                new int[] {4, 4}), twoAfc());
        assertThat(twoLevels.fitted()).isFalse();
        assertThat(twoLevels.method()).isEqualTo("bayes");
        assertThat(twoLevels.reason()).contains("3 or more stimulus levels");
        BinomialCounts rising = ReferenceData.counts(ReferenceData.YES_NO);
        double[] levels = rising.levels();
        int[] k = new int[levels.length];
        int[] n = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            k[i] = rising.n(i) - rising.k(i);
            n[i] = rising.n(i);
        }
        BinomialCounts falling = BinomialCounts.of(levels, k, n);
        FitOptions yesNo = BayesianFitter.psignifitDefaults(FitOptions.yesNo());
        PsychometricFit wrongWay = BayesianFitter.fit(falling, yesNo.withDirection(Direction.INCREASING));
        assertThat(wrongWay.fitted()).isFalse();
        assertThat(wrongWay.reason()).contains("fall as the level");
        PsychometricFit auto = BayesianFitter.fit(falling, yesNo.withDirection(Direction.AUTO));
        assertThat(auto.direction()).isEqualTo("decreasing");
        assertThat(auto.directionRule()).startsWith("auto: decreasing");
        assertThat(auto.slope().value()).isNegative();
        // the mirrored data: the same curve mirrored, the guess and lapse rates trading places
        PsychometricFit up = BayesianFitter.fit(rising, yesNo);
        assertThat(auto.location().value()).isCloseTo(up.location().value(), within(1e-6));
        assertThat(auto.width().value()).isCloseTo(up.width().value(), within(1e-6));
        assertThat(auto.guess().value()).isCloseTo(up.lapse().value(), within(1e-6));
    }
}
