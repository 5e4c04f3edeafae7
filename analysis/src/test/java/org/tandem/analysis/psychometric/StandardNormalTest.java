package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void knownValues() {
        assertThat(StandardNormal.cdf(0)).isEqualTo(0.5);
        assertThat(StandardNormal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        assertThat(StandardNormal.cdf(-1)).isCloseTo(0.15865525393145705, within(1e-16));
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(StandardNormal.density(0)).isCloseTo(1 / Math.sqrt(2 * Math.PI), within(1e-16));
    }

    @Test
    void agreesWithCommonsMathInAllThreeRangesAndBothTails() {
        NormalDistribution reference = new NormalDistribution(0, 1);
        for (double z = -37; z <= 8; z += 0.0137) {
            double expected = reference.cumulativeProbability(z);
            assertThat(StandardNormal.cdf(z)).as("Φ(%s)", z).isCloseTo(expected, within(1e-12 * expected + 1e-300));
        }
        assertThat(StandardNormal.cdf(-45)).isZero();
        assertThat(StandardNormal.cdf(45)).isEqualTo(1);
    }
}
