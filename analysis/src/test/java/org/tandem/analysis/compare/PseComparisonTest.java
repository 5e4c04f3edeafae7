package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseComparisonTest {

    @Test
    void oneSampleTTestsWithBonferroniOverNetworksWithAPse() {
        // humans 1..5: mean 3, SD sqrt(10/4) = 1.58114, SE = 1.58114 / sqrt(5) = 0.707107, df 4
        // network "a" at 2: t = (3 - 2)/0.707107 = 1.41421; with 4 df, F(t) = 1/2 + 3/4 u (1 - u²/3), u = t/sqrt(4 + t²)
        //   u = 1/sqrt(3): F = 1/2 + .433013 × .888889 = .884900, p = 2 (1 - F) = 0.230200
        // network "b" at 4.5: t = -1.5/0.707107 = -2.12132, p = 0.101192 (scipy.stats.ttest_1samp agrees)
        // network "c" has no PSE: 2 networks tested, so p × 2
        Map<String, Double> networks = new LinkedHashMap<>();
        networks.put("a", 2.0);
        networks.put("b", 4.5);
        networks.put("c", null);

        PseComparison c = PseComparison.test(new double[] {1, 2, 3, 4, 5}, networks, 0.05);

        assertThat(c.humans()).isEqualTo(5);
        assertThat(c.humanMean()).isEqualTo(3.0);
        assertThat(c.humanSd()).isCloseTo(1.5811388, within(1e-7));
        assertThat(c.networksTested()).isEqualTo(2);
        PseComparison.NetworkPseTest a = c.tests().get(0);
        assertThat(a.t()).isCloseTo(1.4142136, within(1e-7));
        assertThat(a.df()).isEqualTo(4);
        assertThat(a.p()).isCloseTo(0.2301996410804989, within(1e-9));
        assertThat(a.pBonferroni()).isCloseTo(0.4603992821609978, within(1e-9));
        assertThat(a.differs()).isFalse();
        PseComparison.NetworkPseTest b = c.tests().get(1);
        assertThat(b.t()).isCloseTo(-2.1213203, within(1e-7));
        assertThat(b.p()).isCloseTo(0.10119150721829535, within(1e-9));
        assertThat(b.pBonferroni()).isCloseTo(0.2023830144365907, within(1e-9));
        assertThat(c.tests().get(2).undefinedReason()).contains("no PSE");
    }

    @Test
    void aNetworkFarFromTightHumansDiffers() {
        // humans 49, 50, 51: SE = 1/sqrt(3); network at 70: t = (50 - 70)/0.57735 = -34.64, p ≈ 0.0008
        PseComparison c = PseComparison.test(new double[] {49, 50, 51}, Map.of("net", 70.0), 0.05);

        assertThat(c.tests().get(0).t()).isCloseTo(-34.641016, within(1e-6));
        assertThat(c.tests().get(0).differs()).isTrue();
    }

    @Test
    void tooFewOrIdenticalHumanPsesLeaveTheTestsUndefined() {
        assertThat(PseComparison.test(new double[] {50}, Map.of("net", 60.0), 0.05).tests().get(0).undefinedReason())
                .isEqualTo("needs at least 2 human PSEs, got 1");
        assertThat(PseComparison.test(new double[] {50, 50}, Map.of("net", 60.0), 0.05).tests().get(0).undefinedReason())
                .contains("do not vary");
        // participants without a PSE do not count
        assertThat(PseComparison.test(new double[] {50, Double.NaN}, Map.of("net", 60.0), 0.05).tests().get(0)
                .undefinedReason()).isEqualTo("needs at least 2 human PSEs, got 1");
    }
}
