package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void separatedGroupsByHand() {
        // ranks of 1,2,3 among 1..7 are 1,2,3: R1 = 6, U1 = 6 - 3·4/2 = 0, U2 = 12
        // E[U] = 12/2 = 6, var U = 3·4·8/12 = 8, z = (0 - 6)/sqrt(8) = -2.12132, p = 2 Φ(-2.12132) = 0.0338949
        MannWhitney m = MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6, 7});

        assertThat(m.u1()).isEqualTo(0.0);
        assertThat(m.uMin()).isEqualTo(0.0);
        assertThat(m.p()).isCloseTo(0.03389485352468927, within(1e-12));
        assertThat(m.method()).isEqualTo(MannWhitney.METHOD);
        // the other way round U1 is 12, the smaller U still 0
        assertThat(MannWhitney.test(new double[] {4, 5, 6, 7}, new double[] {1, 2, 3}).u1()).isEqualTo(12.0);
    }

    @Test
    void sevenAgainstSevenSeparatedIsZhouEtAlsPOf0002() {
        // U = 0, E[U] = 24.5, var U = 49·15/12 = 61.25, z = -24.5/7.8262 = -3.1305, p = 0.001745 (reported: 0.002)
        MannWhitney m = MannWhitney.test(new double[] {0.90, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96},
                new double[] {0.97, 0.975, 0.98, 0.985, 0.99, 0.995, 0.999});

        assertThat(m.p()).isCloseTo(0.001745118699528901, within(1e-12));
    }

    @Test
    void tiesGetAverageRanksButNoVarianceCorrection() {
        // 1,2,2,3 vs 2,4,5: the three 2s share ranks 2..4 → 3; R1 = 1 + 3 + 3 + 5 = 12, U1 = 12 - 10 = 2
        // E[U] = 6, var U = 4·3·8/12 = 8 (untouched by ties), z = -4/sqrt(8) = -1.41421, p = 0.157299
        MannWhitney m = MannWhitney.test(new double[] {1, 2, 2, 3}, new double[] {2, 4, 5});

        assertThat(m.u1()).isEqualTo(2.0);
        assertThat(m.p()).isCloseTo(0.15729920705028513, within(1e-9));
    }

    @Test
    void agreesWithScipyWithoutTies() {
        // SciPy 1.17.1: scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='asymptotic',
        // use_continuity=False) gives statistic 33.0 (U of the first group) and p 0.016309171877754974; without ties
        // SciPy's tie correction does nothing, so Commons Math's normal approximation must give the same p
        double[] logistic = {0.991, 0.985, 0.978, 0.995, 0.969, 0.988};
        double[] linear = {0.912, 0.934, 0.951, 0.899, 0.987, 0.925};

        MannWhitney m = MannWhitney.test(logistic, linear);

        assertThat(m.u1()).isEqualTo(33.0);
        assertThat(m.uMin()).isEqualTo(3.0);
        assertThat(m.p()).isCloseTo(0.016309171877754974, within(1e-12));
    }

    @Test
    void anEmptyGroupIsUndefined() {
        MannWhitney m = MannWhitney.test(new double[] {}, new double[] {1, 2});

        assertThat(m.p()).isNull();
        assertThat(m.undefinedReason()).isEqualTo("each group needs at least one value, got 0 and 2");
    }
}
