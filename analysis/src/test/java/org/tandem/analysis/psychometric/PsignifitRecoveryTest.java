package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * python-psignifit 4's parameter-recovery scenarios (its tests/test_param_recovery.py), the data generated here by
 * Tandem's own formulas: ten levels of nine million 2AFC trials (guess 0.5, lapse 0.0532 fixed) and twenty levels of
 * 900 million yes/no trials (guess 0.1 free, lapse 0.0232 fixed), for every sigmoid rising and falling, the counts
 * floor(ψ·n) as psignifit makes them; and its overdispersion scenario, 200 levels whose proportions are drawn from a
 * beta distribution with mean ψ and intra-level correlation η² (seeded). A falling curve is Tandem's: the same sigmoid
 * on the mirrored axis, ψ = γ + (1 − γ − λ)·F((m − u)/s).
 */
class PsignifitRecoveryTest {
    private static final double WIDTH = 0.3;

    @TestFactory
    List<DynamicTest> twoAfcAndYesNoThresholdAndWidthAreRecoveredForEverySigmoidBothWays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Sigmoid sigmoid : Sigmoid.values()) {
            for (Direction direction : List.of(Direction.INCREASING, Direction.DECREASING)) {
                tests.add(DynamicTest.dynamicTest("2AFC " + sigmoid.cliName() + " " + direction.label(), () -> {
                    double[] range = {0.01, 0.01 + WIDTH * 1.1};
                    recover(FitOptions.nAfc(2).withLapse(Asymptote.fixed(0.0532)), sigmoid, direction,
                            levels(range, 10), range[1] / 2.5, 9_000_000);
                }));
                tests.add(DynamicTest.dynamicTest("yes/no " + sigmoid.cliName() + " " + direction.label(), () -> {
                    double[] range = {0.001, 0.001 + WIDTH * 1.1};
                    recover(FitOptions.yesNo().withGuess(new Asymptote(true, 0.1, 0.2)).withLapse(
                            Asymptote.fixed(0.0232)), sigmoid, direction, levels(range, 20), range[1] / 3,
                            900_000_000);
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> overdispersionIsRecoveredWithinFiveHundredths() {
        List<DynamicTest> tests = new ArrayList<>();
        for (double eta : new double[] {0.1, 0.2, 0.3}) {
            tests.add(DynamicTest.dynamicTest("η " + eta, () -> {
                double width = 0.1;
                double[] range = {0.001, 0.001 + width * 1.1};
                double[] x = levels(range, 200);
                double threshold = range[1] / 2.5;
                FitOptions options = FitOptions.nAfc(2).withLapse(Asymptote.fixed(0.0232)).withOverdispersion(true)
                        .withBootstrap(0, 1);
                double scale = width / unitWidth(Sigmoid.CUMULATIVE_NORMAL);
                Well19937c random = new Well19937c(7 + Math.round(eta * 10));
                double nu = 1 / (eta * eta) - 1;
                int[] k = new int[x.length];
                int[] n = new int[x.length];
                for (int i = 0; i < x.length; i++) {
                    double psi = FittedCurve.psi(Sigmoid.CUMULATIVE_NORMAL, 1, threshold, scale, 0.5, 0.0232, x[i]);
                    double noised = new BetaDistribution(random, psi * nu, (1 - psi) * nu).sample();
                    n[i] = 10_000;
                    k[i] = (int) (noised * n[i]);
                }
                PsychometricFit fit = PsychometricFitter.fit(BinomialCounts.of(x, k, n), options);
                assertThat(fit.fitted()).as(fit.reason()).isTrue();
                assertThat(fit.overdispersion().value()).isCloseTo(eta, within(0.05));
                assertThat(fit.location().value()).isCloseTo(threshold, within(0.01));
                assertThat(fit.width().value()).isCloseTo(width, within(0.05));
            }));
        }
        return tests;
    }

    private static void recover(FitOptions base, Sigmoid sigmoid, Direction direction, double[] x, double threshold,
                                int trials) {
        FitOptions options = base.withSigmoid(sigmoid).withDirection(direction).withBootstrap(0, 1);
        int sign = direction == Direction.INCREASING ? 1 : -1;
        // the true curve: for the Weibull (on ln x) the width is taken on ln x too, then reported in stimulus units
        double scale = (sigmoid.logAxis() ? WIDTH / threshold : WIDTH) / unitWidth(sigmoid);
        double guess = base.guess().free() ? base.guess().value() : base.guess().lower();
        double lapse = base.lapse().lower();
        int[] k = new int[x.length];
        int[] n = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            n[i] = trials;
            k[i] = (int) (FittedCurve.psi(sigmoid, sign, threshold, scale, guess, lapse, x[i]) * trials);
        }
        PsychometricFit fit = PsychometricFitter.fit(BinomialCounts.of(x, k, n), options);
        assertThat(fit.fitted()).as(fit.reason()).isTrue();
        assertThat(fit.direction()).isEqualTo(direction.label());
        assertThat(fit.location().value()).as("threshold").isCloseTo(threshold, within(1e-3));
        // the 5 % and 95 % points of F on the curve's own axis (mirrored for a falling one), in stimulus units
        double u = sigmoid.toAxis(threshold);
        double width = Math.abs(sigmoid.fromAxis(u + sign * scale * sigmoid.quantile(0.95))
                - sigmoid.fromAxis(u + sign * scale * sigmoid.quantile(0.05)));
        assertThat(fit.width().value()).as("width").isCloseTo(width, within(1e-3));
        assertThat(fit.guess().value()).as("guess").isCloseTo(guess, within(1e-3));
        assertThat(Math.signum(fit.slope().value())).as("slope's sign").isEqualTo(sign);
        // the same data with the direction left to them: they choose it, and say how
        PsychometricFit auto = PsychometricFitter.fit(BinomialCounts.of(x, k, n),
                options.withDirection(Direction.AUTO));
        assertThat(auto.direction()).isEqualTo(direction.label());
        assertThat(auto.directionRule()).startsWith("auto: " + direction.label());
        // and fitted the wrong way round they are refused, not reported
        PsychometricFit wrong = PsychometricFitter.fit(BinomialCounts.of(x, k, n),
                options.withDirection(direction == Direction.INCREASING ? Direction.DECREASING : Direction.INCREASING));
        assertThat(wrong.fitted()).isFalse();
        assertThat(wrong.reason()).contains("cannot describe");
    }

    private static double unitWidth(Sigmoid s) {
        return s.quantile(0.95) - s.quantile(0.05);
    }

    private static double[] levels(double[] range, int steps) {
        double[] x = new double[steps];
        for (int i = 0; i < steps; i++) {
            x[i] = range[0] + (range[1] - range[0]) * i / (steps - 1);
        }
        return x;
    }
}
