package org.tandem.analysis.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.tandem.analysis.rsa.RankCorrelation.KENDALL_TAU_A;
import static org.tandem.analysis.rsa.RankCorrelation.SPEARMAN;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Spearman's ρ and Kendall's τ_a on cases worked by hand, and τ_a's O(m log m) count against its O(m²) definition. */
class RankCorrelationTest {
    private static final double NAN = Double.NaN;

    @Test
    void untiedCasesMatchTheTextbookFormulas() {
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 3, 2, 4};
        // ranks differ by d = (0, 1, 1, 0): ρ = 1 − 6 Σd² / (n (n² − 1)) = 1 − 12 / 60 = 0.8
        assertThat(SPEARMAN.of(x, y)).isCloseTo(0.8, within(1e-15));
        // of the 6 pairs only (2, 3) is discordant: τ_a = (5 − 1) / 6
        assertThat(KENDALL_TAU_A.of(x, y)).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(SPEARMAN.of(x, x)).isEqualTo(1);
        assertThat(KENDALL_TAU_A.of(x, new double[] {4, 3, 2, 1})).isEqualTo(-1);
    }

    @Test
    void tiesShareTheirAverageRankAndCountAsNeitherForTauA() {
        double[] x = {1, 2, 2, 3};
        double[] y = {1, 2, 3, 4};
        // ranks of x: 1, 2.5, 2.5, 4; deviations from 2.5: x (−1.5, 0, 0, 1.5), y (−1.5, −0.5, 0.5, 1.5)
        // Σ dx dy = 4.5, Σ dx² = 4.5, Σ dy² = 5: ρ = 4.5 / √22.5 = 3 / √10
        assertThat(SPEARMAN.of(x, y)).isCloseTo(3 / Math.sqrt(10), within(1e-15));
        // pairs: 5 concordant, (1, 2) tied in x: τ_a = 5 / 6 (τ_b would be 5 / √30)
        assertThat(KENDALL_TAU_A.of(x, y)).isCloseTo(5 / 6.0, within(1e-15));
        // tied in both: a pair counts as neither, once
        assertThat(KENDALL_TAU_A.of(new double[] {1, 1, 2}, new double[] {5, 5, 6})).isCloseTo(2 / 3.0, within(1e-15));
        // -0.0 and 0.0 are one value
        assertThat(KENDALL_TAU_A.of(new double[] {-0.0, 0.0, 1}, new double[] {1, 2, 3})).isCloseTo(2 / 3.0, within(1e-15));
    }

    @Test
    void entriesWhereEitherIsNanAreLeftOut() {
        double[] x = {1, NAN, 2, 3};
        double[] y = {3, 1, NAN, 1.5};
        // only positions 0 and 3 remain: x (1, 3), y (3, 1.5), a single discordant pair
        assertThat(SPEARMAN.of(x, y)).isEqualTo(-1);
        assertThat(KENDALL_TAU_A.of(x, y)).isEqualTo(-1);
        assertThat(SPEARMAN.of(new double[] {1, NAN}, new double[] {1, 2})).isNaN();
        assertThat(KENDALL_TAU_A.of(new double[] {1, NAN}, new double[] {1, 2})).isNaN();
    }

    @Test
    void aConstantVectorHasNoSpearmanButTauAZero() {
        double[] constant = {2, 2, 2};
        double[] y = {1, 2, 3};
        assertThat(SPEARMAN.of(constant, y)).isNaN();
        assertThat(KENDALL_TAU_A.of(constant, y)).isZero();
    }

    @Test
    void vectorsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> KENDALL_TAU_A.of(new double[3], new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 and 4");
    }

    @Test
    void tauAEqualsItsQuadraticDefinitionOnRandomTiedData() {
        SplittableRandom random = new SplittableRandom(7);
        for (int m : new int[] {2, 3, 10, 57, 500, 2_000}) {
            for (int levels : new int[] {2, 5, 1_000}) {
                double[] x = new double[m];
                double[] y = new double[m];
                for (int k = 0; k < m; k++) {
                    x[k] = random.nextInt(levels);
                    // y follows x loosely, with its own ties
                    y[k] = random.nextInt(4) == 0 ? NAN : Math.floor((x[k] + random.nextInt(levels)) / 2);
                }
                assertThat(KENDALL_TAU_A.of(x, y)).as("m = %d, %d levels", m, levels).isEqualTo(definition(x, y));
            }
        }
    }

    /** (concordant − discordant) / (m (m − 1) / 2) over every pair of the m entries present in both. */
    private static double definition(double[] x, double[] y) {
        int m = 0;
        long s = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            m++;
            for (int j = i + 1; j < x.length; j++) {
                if (!Double.isNaN(x[j]) && !Double.isNaN(y[j])) {
                    s += (long) Math.signum(x[i] - x[j]) * (long) Math.signum(y[i] - y[j]);
                }
            }
        }
        return m < 2 ? NAN : s / (m * (m - 1) / 2.0);
    }
}
