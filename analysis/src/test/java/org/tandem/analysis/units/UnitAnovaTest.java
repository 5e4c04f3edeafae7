package org.tandem.analysis.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.analysis.units.ReferenceCsv.assertClose;
import static org.tandem.analysis.units.ReferenceCsv.number;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-unit two-way ANOVA against NumPy and SciPy ({@code units/anova-reference.csv}, made by the script beside it):
 * F and p of both effects agree within 1e-8 (p relative to its size where it is tiny), and Zhou et al.'s rule sorts the
 * units.
 */
class UnitAnovaTest {
    private static final int IDENTITIES = 6;
    private static final int EXPRESSIONS = 4;

    @Test
    void everyUnitsFAndPAgreeWithSciPy() throws IOException {
        ReferenceCsv csv = ReferenceCsv.read("/units/anova-reference.csv");
        List<String[]> values = csv.values();
        List<String[]> expected = csv.expected();
        int units = expected.size();
        // rows are images (identity-major), columns units: the layout a network gives
        float[][] rows = new float[IDENTITIES * EXPRESSIONS][units];
        int[] identity = new int[rows.length];
        int[] expression = new int[rows.length];
        for (String[] v : values) {
            int unit = Integer.parseInt(v[0]);
            int i = Integer.parseInt(v[1]);
            int j = Integer.parseInt(v[2]);
            int image = i * EXPRESSIONS + j;
            rows[image][unit] = Float.parseFloat(v[3]);
            identity[image] = i;
            expression[image] = j;
        }

        UnitAnova.Result result = UnitAnova.of(rows, identity, expression, IDENTITIES, EXPRESSIONS);

        for (String[] e : expected) {
            int u = Integer.parseInt(e[0]);
            assertClose("F identity, unit " + u, result.fIdentity()[u], number(e[1]));
            assertClose("p identity, unit " + u, result.pIdentity()[u], number(e[2]));
            assertClose("F expression, unit " + u, result.fExpression()[u], number(e[3]));
            assertClose("p expression, unit " + u, result.pExpression()[u], number(e[4]));
        }
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(u -> Selectivity.of(result, u, 0.01, 0.01)).toList())
                .containsExactly(Selectivity.NEITHER, Selectivity.EXPRESSION, Selectivity.IDENTITY,
                        Selectivity.CONSTANT, Selectivity.NEITHER);
    }

    @Test
    void aDesignWithoutExactlyOneImagePerCellIsRefused() {
        float[][] rows = new float[4][1];
        assertThatThrownBy(() -> UnitAnova.of(rows, new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1}, 2, 2))
                .hasMessageContaining("two images of identity 0 with expression 0");
        assertThatThrownBy(() -> UnitAnova.of(new float[3][1], new int[3], new int[3], 2, 2))
                .hasMessageContaining("3 images for 2 identities × 2 expressions");
    }
}
