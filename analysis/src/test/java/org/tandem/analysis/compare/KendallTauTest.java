package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KendallTauTest {

    @Test
    void fourPairsOneSwapExact() {
        // (1,1) (2,3) (3,2) (4,4): of 6 pairs only (2,3)-(3,2) is discordant: C = 5, D = 1, tau = 4/6
        // inversions of a random 4-permutation: 1, 3, 5, 6, 5, 3, 1 ways of 24 for 0..6 inversions;
        // P(C >= 5) = P(inversions <= 1) = 4/24, two-sided p = 8/24 = 1/3 (R: cor.test gives 0.3333)
        CorrelationTest t = KendallTau.test(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});

        assertThat(t.coefficient()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(t.p()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(t.method()).isEqualTo(KendallTau.EXACT);
        assertThat(t.n()).isEqualTo(4);
    }

    @Test
    void exactDistributionIsTheMahonianNumbers() {
        double[] p = KendallTau.concordantDistribution(4);

        assertThat(p).containsExactly(new double[] {1 / 24.0, 3 / 24.0, 5 / 24.0, 6 / 24.0, 5 / 24.0, 3 / 24.0, 1 / 24.0},
                within(1e-15));
    }

    @Test
    void eightPairsFourAdjacentSwapsExact() {
        // y = 2,1,4,3,6,5,8,7: 4 discordant of 28 pairs, tau = (24 - 4)/28 = 5/7
        // ways to have <= 4 inversions among 8 elements: 1 + 7 + 27 + 76 + 174 = 285 of 8! = 40320
        // two-sided p = 2 × 285 / 40320 = 0.0141369
        CorrelationTest t = KendallTau.test(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new double[] {2, 1, 4, 3, 6, 5, 8, 7});

        assertThat(t.coefficient()).isCloseTo(5.0 / 7, within(1e-12));
        assertThat(t.p()).isCloseTo(570.0 / 40320, within(1e-12));
    }

    @Test
    void twentyPairsExactAsScipy() {
        // scipy.stats.kendalltau(range(20), y, method="exact") = (0.778947, 5.840658e-08)
        double[] x = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i;
        }
        double[] y = {3, 1, 0, 7, 2, 5, 4, 9, 6, 12, 8, 10, 11, 15, 13, 19, 14, 16, 18, 17};

        CorrelationTest t = KendallTau.test(x, y);

        assertThat(t.coefficient()).isCloseTo(0.7789473684210527, within(1e-12));
        assertThat(t.p()).isCloseTo(5.840658297557008e-08, within(1e-15));
    }

    @Test
    void tiesUseTheTieCorrectedNormalApproximation() {
        // x = 1,2,2,3; y = 1,2,3,3: pairs 12, 13, 14, 24 concordant; 23 tied in x, 34 tied in y
        // n0 = 6, n1 = n2 = 1: tau-b = 4 / sqrt(5 × 5) = 0.8, S = 4
        // var S = (4·3·13 - 2·1·9 - 2·1·9)/18 + (2 × 2)/(2·4·3) + 0 = 120/18 + 1/6 = 6.8333
        // z = 4 / 2.61406 = 1.53018, p = 2 (1 - Φ(1.53018)) = 0.125971
        CorrelationTest t = KendallTau.test(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 3});

        assertThat(t.coefficient()).isCloseTo(0.8, within(1e-12));
        assertThat(t.p()).isCloseTo(0.12597116307723114, within(1e-9));
        assertThat(t.method()).isEqualTo(KendallTau.NORMAL);
    }

    @Test
    void tiesOfThreeAddTheThirdVarianceTerm() {
        // off-diagonal-like rates with three zeros each: ties t = 3 in x and in y; n0 = 15, n1 = n2 = 3
        // tau-b = 2/3 → S = 2/3 × sqrt(12 × 12) = 8
        // var S = (6·5·17 - 3·2·11 - 3·2·11)/18 + (6 × 6)/(2·6·5) + (6 × 6)/(9·6·5·4) = 21 + 0.6 + 0.0333 = 21.6333
        // z = 8 / 4.65117 = 1.72000, p = 0.0854326 (scipy.stats.kendalltau agrees)
        CorrelationTest t = KendallTau.test(new double[] {.1, 0, 0, .2, .05, 0}, new double[] {.2, 0, .1, .3, 0, 0});

        assertThat(t.coefficient()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(t.p()).isCloseTo(0.08543257185399332, within(1e-9));
    }

    @Test
    void fiftyOrMoreUntiedPairsUseTheNormalApproximation() {
        // y = 37 i mod 61 for i = 0..59; scipy (asymptotic) gives tau 0.0949153, p 0.283948
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i;
            y[i] = (37 * i) % 61;
        }

        CorrelationTest t = KendallTau.test(x, y);

        assertThat(t.method()).isEqualTo(KendallTau.NORMAL);
        assertThat(t.coefficient()).isCloseTo(0.09491525423728814, within(1e-12));
        assertThat(t.p()).isCloseTo(0.28394830591074505, within(1e-9));
    }

    @Test
    void perfectAgreementAndTooLittleDataAreHandled() {
        CorrelationTest perfect = KendallTau.test(new double[] {1, 2, 3}, new double[] {10, 20, 30});
        // 3 pairs all concordant: P(C = 3) = 1/6, two-sided 1/3
        assertThat(perfect.coefficient()).isEqualTo(1.0);
        assertThat(perfect.p()).isCloseTo(1.0 / 3, within(1e-12));

        assertThat(KendallTau.test(new double[] {1}, new double[] {2}).undefinedReason())
                .isEqualTo("needs at least 2 pairs, got 1");
        CorrelationTest constant = KendallTau.test(new double[] {0, 0, 0}, new double[] {1, 2, 3});
        assertThat(constant.coefficient()).isNull();
        assertThat(constant.undefinedReason()).contains("constant");
    }
}
