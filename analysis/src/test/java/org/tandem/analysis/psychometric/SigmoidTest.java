package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;

class SigmoidTest {

    @Test
    void everyFamilyIsAtHalfAtZeroAndItsQuantileInvertsIt() {
        for (Sigmoid s : Sigmoid.values()) {
            assertThat(s.cdf(0)).as("%s F(0)", s).isCloseTo(0.5, within(1e-15));
            for (double p = 0.001; p < 1; p += 0.0137) {
                assertThat(s.cdf(s.quantile(p))).as("%s F(F⁻¹(%s))", s, p).isCloseTo(p, within(1e-12));
            }
        }
    }

    @Test
    void densityAndItsSlopeAreTheDerivatives() {
        double h = 1e-6;
        for (Sigmoid s : Sigmoid.values()) {
            for (double z = -4; z <= 4; z += 0.25) {
                double numeric = (s.cdf(z + h) - s.cdf(z - h)) / (2 * h);
                assertThat(s.density(z)).as("%s f(%s)", s, z).isCloseTo(numeric, within(1e-8));
                double slope = (s.density(z + h) - s.density(z - h)) / (2 * h);
                assertThat(s.densitySlope(z)).as("%s f'(%s)", s, z).isCloseTo(slope, within(1e-8));
            }
        }
    }

    @Test
    void handComputedPoints() {
        // logistic: 1/(1 + e^−ln 3) = 3/4
        assertThat(Sigmoid.LOGISTIC.cdf(Math.log(3))).isCloseTo(0.75, within(1e-15));
        assertThat(Sigmoid.LOGISTIC.quantile(0.25)).isCloseTo(-Math.log(3), within(1e-15));
        // shifted Gumbel: 1 − exp(−ln 2 · e^z) = 1 − 2^(−e^z); at z = ln 2 that is 1 − 1/4
        assertThat(Sigmoid.GUMBEL.cdf(Math.log(2))).isCloseTo(0.75, within(1e-15));
        assertThat(Sigmoid.GUMBEL.quantile(0.75)).isCloseTo(Math.log(2), within(1e-14));
        // cumulative normal: the 84.13 % point is one SD above the location
        assertThat(Sigmoid.CUMULATIVE_NORMAL.quantile(0.8413447460685429)).isCloseTo(1, within(1e-12));
        // psignifit's width convention for the Gaussian: z(.95) − z(.05) = 3.2897
        double unitWidth = Sigmoid.CUMULATIVE_NORMAL.quantile(0.95) - Sigmoid.CUMULATIVE_NORMAL.quantile(0.05);
        assertThat(unitWidth).isCloseTo(3.28970725, within(1e-8));
        // Student's t with 1 df (Cauchy): F(1) = 1/2 + atan(1)/π = 3/4; its 5-95 % width is 2·tan(0.45π) = 12.6275
        assertThat(Sigmoid.STUDENT_T.cdf(1)).isCloseTo(0.75, within(1e-15));
        assertThat(Sigmoid.STUDENT_T.quantile(0.95) - Sigmoid.STUDENT_T.quantile(0.05))
                .isCloseTo(2 * 6.313751514675043, within(1e-9));
        // reverse Gumbel: exp(−ln 2 · e^−z) = 2^(−e^−z); at z = −ln 2 that is 2^−2 = 1/4, and it mirrors the Gumbel
        assertThat(Sigmoid.REVERSE_GUMBEL.cdf(-Math.log(2))).isCloseTo(0.25, within(1e-15));
        for (double z = -3; z <= 3; z += 0.5) {
            assertThat(Sigmoid.REVERSE_GUMBEL.cdf(z)).isCloseTo(1 - Sigmoid.GUMBEL.cdf(-z), within(1e-15));
        }
    }

    @Test
    void weibullOnLogLevelsIsTheUsualWeibull() {
        double alpha = 3;
        double beta = 2.5;
        double location = Math.log(alpha * Math.pow(Math.log(2), 1 / beta));
        double scale = 1 / beta;
        for (double x = 0.2; x < 10; x += 0.3) {
            double usual = 1 - Math.exp(-Math.pow(x / alpha, beta));
            double ours = Sigmoid.WEIBULL.cdf((Sigmoid.WEIBULL.toAxis(x) - location) / scale);
            assertThat(ours).as("W(%s)", x).isCloseTo(usual, within(1e-14));
        }
        assertThat(Sigmoid.WEIBULL.fromAxis(Sigmoid.WEIBULL.toAxis(7.5))).isCloseTo(7.5, within(1e-14));
    }

    @Test
    void parsesCommandLineNamesAndRejectsOthersWithTheChoices() {
        assertThat(Sigmoid.parse("CumNormal")).isEqualTo(Sigmoid.CUMULATIVE_NORMAL);
        assertThat(Sigmoid.parse("weibull")).isEqualTo(Sigmoid.WEIBULL);
        assertThatThrownBy(() -> Sigmoid.parse("probit")).isInstanceOf(TandemException.class)
                .hasMessageContaining("'probit'").hasMessageContaining("cumnormal, logistic, gumbel, weibull, tdist, rgumbel");
        assertThat(Sigmoid.parse("tdist")).isEqualTo(Sigmoid.STUDENT_T);
        assertThat(Sigmoid.parse("rgumbel")).isEqualTo(Sigmoid.REVERSE_GUMBEL);
    }
}
