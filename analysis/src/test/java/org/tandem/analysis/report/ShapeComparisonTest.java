package org.tandem.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.identification.CurveShapes;
import org.tandem.analysis.identification.IdentificationPoint;

class ShapeComparisonTest {

    @Test
    void stepLikeCurvesFitTheLogisticBetterAcrossFourContinua() {
        List<CurveShapes> continua = new ArrayList<>();
        for (double boundary : new double[] {35, 45, 55, 65}) {
            continua.add(CurveShapes.fit(curve(boundary, 6)));
        }

        ShapeComparison c = ShapeComparison.of("net", ReportText.NETWORK, 4, continua);

        assertThat(c.flag()).isNull();
        assertThat(c.logistic()).hasSize(4).allSatisfy(r -> assertThat(r).isGreaterThan(0.97));
        // every logistic R² above every linear R²: U = 0; SciPy 1.17.1 mannwhitneyu(method='asymptotic',
        // use_continuity=False) of any 4 values all above 4 others gives p 0.020921335337794014
        assertThat(c.logisticVsLinear().uMin()).isEqualTo(0.0);
        assertThat(c.logisticVsLinear().p()).isCloseTo(0.020921335337794014, within(1e-12));
        assertThat(c.logisticVsQuadratic().n1()).isEqualTo(4);
    }

    @Test
    void threeContinuaAreFlaggedNotTested() {
        List<CurveShapes> continua = List.of(CurveShapes.fit(curve(40, 6)), CurveShapes.fit(curve(50, 6)),
                CurveShapes.fit(curve(60, 6)));

        ShapeComparison c = ShapeComparison.of("P-h1", ReportText.HUMAN, 3, continua);

        assertThat(c.logisticVsLinear()).isNull();
        assertThat(c.logisticVsQuadratic()).isNull();
        assertThat(c.logistic()).hasSize(3);
        assertThat(c.flag().kind()).isEqualTo(Flag.Kind.TOO_FEW);
        assertThat(c.flag().note()).contains("3 of 3 continua", "at least 4");
    }

    /** A steep logistic sampled at 0, 10, ..., 100, slightly perturbed so no fit is exact. */
    private static List<IdentificationPoint> curve(double boundary, double scale) {
        List<IdentificationPoint> points = new ArrayList<>();
        for (int level = 0; level <= 100; level += 10) {
            double p = 1 / (1 + Math.exp(-(level - boundary) / scale));
            points.add(new IdentificationPoint(level, Math.min(1, Math.max(0, p + ((level / 10) % 2 == 0 ? 0.01 : -0.01)))));
        }
        return points;
    }
}
