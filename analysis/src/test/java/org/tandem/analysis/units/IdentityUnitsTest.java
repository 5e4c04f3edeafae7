package org.tandem.analysis.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.tandem.analysis.units.ReferenceCsv.assertClose;
import static org.tandem.analysis.units.ReferenceCsv.number;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.units.IdentityUnits.Kind;

/**
 * Identity-selective units: worked by hand on small designs, and against SciPy's {@code f_oneway} and NumPy's means and
 * SDs ({@code units/identity-reference.csv}, made by the script beside it) on 12 identities of unequal sizes: F and p
 * within 1e-8 (p relative to its size where it is tiny), the same encoded identities and the same kind for every unit.
 */
class IdentityUnitsTest {

    @Test
    void threeUnequalIdentitiesWorkedByHand() {
        // identity 0: 1, 3 (mean 2); identity 1: 5, 6, 7 (mean 6); identity 2: 9, 11, 9, 11 (mean 10); grand mean 62/9
        // SS_between = 2(44/9)² + 3(8/9)² + 4(28/9)² = 800/9, SS_within = 2 + 2 + 4 = 8, on 2 and 6 df: F = 100/3;
        // for F(2, d) the upper tail is (1 + 2F/d)^(−d/2) = (109/9)^−3 = 729/1295029
        float[][] rows = {{1}, {3}, {5}, {6}, {7}, {9}, {11}, {9}, {11}};
        int[] identity = {0, 0, 1, 1, 1, 2, 2, 2, 2};
        IdentityUnits.Result result = IdentityUnits.of(rows, identity, 3);
        assertThat(result.f()[0]).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(result.p()[0]).isCloseTo(729.0 / 1295029, within(1e-15));
        // SD over the 9 images is sqrt(872/9 / 8) ≈ 3.48; 10 is not above 62/9 + 2 SD ≈ 13.9
        assertThat(result.encodedCount()).containsExactly(0);
        assertThat(result.kind(0)).isEqualTo(Kind.SELECTIVE_NONE_ENCODED);
    }

    @Test
    void anIdentityStandingOutIsEncodedAndTheThresholdIsAnOption() {
        // six identities of two images each; unit 0: five identities 0, 2 (mean 1), identity 5 at 9, 11 (mean 10);
        // unit 1: identities 4 and 5 at 9, 11; unit 2 constant; unit 3 the same mean for every identity
        float[][] rows = new float[12][];
        int[] identity = new int[12];
        for (int k = 0; k < 12; k++) {
            identity[k] = k / 2;
            boolean high = k % 2 == 1;
            rows[k] = new float[] {identity[k] == 5 ? (high ? 11 : 9) : (high ? 2 : 0),
                    identity[k] >= 4 ? (high ? 11 : 9) : (high ? 2 : 0), 3.5f, (identity[k] + k) % 2};
        }
        IdentityUnits.Result paper = IdentityUnits.of(rows, identity, 6);
        // unit 0: grand mean 2.5, SS_total 147 (SD sqrt(147/11) ≈ 3.66, threshold ≈ 9.81 < 10);
        // SS_between 135, SS_within 12 on 5 and 6 df: F = 13.5, p = 0.00325 (SciPy's f.sf)
        assertThat(paper.f()[0]).isCloseTo(13.5, within(1e-12));
        assertThat(paper.p()[0]).isCloseTo(0.00324750438382052, within(1e-12));
        assertThat(paper.encoded()[0]).containsExactly(5);
        // unit 1: grand mean 4, SS_total 228 (threshold 4 + 2 sqrt(228/11) ≈ 13.1 > 10); F = (216/5)/2 = 21.6
        assertThat(paper.f()[1]).isCloseTo(21.6, within(1e-12));
        assertThat(paper.encoded()[1]).isEmpty();
        assertThat(paper.f()[3]).isZero();
        assertThat(paper.p()[3]).isEqualTo(1.0);
        assertThat(List.of(0, 1, 2, 3).stream().map(paper::kind).toList()).containsExactly(Kind.SINGLE_IDENTITY,
                Kind.SELECTIVE_NONE_ENCODED, Kind.CONSTANT, Kind.NOT_SELECTIVE);
        assertThat(paper.selectiveCount()).isEqualTo(2);
        assertThat(paper.unitsOf(Kind.SINGLE_IDENTITY, Kind.MULTIPLE_IDENTITY, Kind.SELECTIVE_NONE_ENCODED))
                .containsExactly(0, 1);

        // one SD: unit 0's threshold ≈ 6.16 (identity 5 only), unit 1's ≈ 8.55 (identities 4 and 5)
        IdentityUnits.Result oneSd = IdentityUnits.of(rows, identity, 6, 0.01, 1);
        assertThat(oneSd.encoded()[1]).containsExactly(4, 5);
        assertThat(oneSd.kind(1)).isEqualTo(Kind.MULTIPLE_IDENTITY);
        assertThat(oneSd.counts()).isEqualTo(Map.of(Kind.SINGLE_IDENTITY, 1, Kind.MULTIPLE_IDENTITY, 1,
                Kind.SELECTIVE_NONE_ENCODED, 0, Kind.NOT_SELECTIVE, 1, Kind.CONSTANT, 1));
        // a stricter α leaves unit 0 (p = 0.0032) not selective, though identity 5 still stands out
        IdentityUnits.Result strict = IdentityUnits.of(rows, identity, 6, 0.001, 2);
        assertThat(strict.kind(0)).isEqualTo(Kind.NOT_SELECTIVE);
        assertThat(strict.encodedCount()[0]).isEqualTo(1);
    }

    @Test
    void everyUnitAgreesWithSciPy() throws IOException {
        ReferenceCsv csv = ReferenceCsv.read("/units/identity-reference.csv");
        List<String[]> images = csv.values();
        List<String[]> expected = csv.expected();
        float[][] rows = new float[images.size()][];
        int[] identity = new int[images.size()];
        for (int k = 0; k < rows.length; k++) {
            String[] v = images.get(k);
            identity[k] = Integer.parseInt(v[0]);
            rows[k] = new float[v.length - 1];
            for (int u = 0; u < rows[k].length; u++) {
                rows[k][u] = Float.parseFloat(v[u + 1]);
            }
        }

        IdentityUnits.Result result = IdentityUnits.of(rows, identity, 12);

        assertThat(expected).hasSize(result.units());
        for (String[] e : expected) {
            int u = Integer.parseInt(e[0]);
            assertClose("F, unit " + u, result.f()[u], number(e[1]));
            assertClose("p, unit " + u, result.p()[u], number(e[2]));
            int[] encoded = e[3].isEmpty() ? new int[0] : Arrays.stream(e[3].split(";")).mapToInt(Integer::parseInt).toArray();
            assertThat(result.encoded()[u]).as("encoded identities, unit " + u).containsExactly(encoded);
            assertThat(result.encodedCount()[u]).as("encoded count, unit " + u).isEqualTo(encoded.length);
            assertThat(result.kind(u).label()).as("kind, unit " + u).isEqualTo(e[4]);
        }
        assertThat(result.count(Kind.SINGLE_IDENTITY)).isEqualTo(1);
        assertThat(result.count(Kind.MULTIPLE_IDENTITY)).isEqualTo(1);
        assertThat(result.selectiveCount()).isEqualTo(4);
    }

    @Test
    void designsThatCannotBeTestedAreRefused() {
        assertThatThrownBy(() -> IdentityUnits.of(new float[4][1], new int[] {0, 0, 2, 2}, 3))
                .hasMessage("identity 1 has no image");
        assertThatThrownBy(() -> IdentityUnits.of(new float[3][1], new int[] {0, 1, 2}, 3))
                .hasMessageContaining("at least one identity with two or more images");
        assertThatThrownBy(() -> IdentityUnits.of(new float[3][1], new int[] {0, 1, 3}, 3))
                .hasMessage("image 2 has identity 3 outside 0..2");
        assertThatThrownBy(() -> IdentityUnits.of(new float[4][1], new int[] {0, 0, 1, 1}, 2, 0, 2))
                .hasMessageContaining("alpha must be in (0, 1]");
    }
}
