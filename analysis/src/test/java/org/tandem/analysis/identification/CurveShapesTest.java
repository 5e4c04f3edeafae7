package org.tandem.analysis.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.records.LevelCount;

class CurveShapesTest {

    static List<IdentificationPoint> curve(DoubleUnaryOperator p, double... levels) {
        List<IdentificationPoint> out = new ArrayList<>();
        for (double x : levels) {
            out.add(new IdentificationPoint(x, p.applyAsDouble(x)));
        }
        return out;
    }

    @Test
    void linearRSquaredByHand() {
        // points (0, 0), (1, .5), (2, .5), (3, 1): mean x 1.5, mean p .5
        // Sxy = (-1.5)(-.5) + (-.5)(0) + (.5)(0) + (1.5)(.5) = 1.5; Sxx = 2.25 + .25 + .25 + 2.25 = 5
        // slope 1.5/5 = .3, intercept .5 - .3 × 1.5 = .05; fitted .05, .35, .65, .95
        // SSres = .05² + .15² + .15² + .05² = .05; SStot = .25 + 0 + 0 + .25 = .5; R² = 1 - .05/.5 = .9
        List<IdentificationPoint> points = List.of(new IdentificationPoint(3, 1), new IdentificationPoint(0, 0),
                new IdentificationPoint(1, 0.5), new IdentificationPoint(2, 0.5));

        ShapeFit linear = CurveShapes.fit(points).fit(Shape.LINEAR);

        assertThat(linear.parameters().get(0)).isCloseTo(0.05, within(1e-12));
        assertThat(linear.parameters().get(1)).isCloseTo(0.3, within(1e-12));
        assertThat(linear.rSquared()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void aStraightLineIsBestAsLinearNotQuadratic() {
        // p = .1 + .008 x: linear and quadratic both reach R² = 1; the tie goes to the simpler shape
        CurveShapes shapes = CurveShapes.fit(curve(x -> 0.1 + 0.008 * x, 0, 25, 50, 75, 100));

        assertThat(shapes.fit(Shape.LINEAR).rSquared()).isCloseTo(1, within(1e-12));
        assertThat(shapes.fit(Shape.QUADRATIC).rSquared()).isCloseTo(1, within(1e-12));
        assertThat(shapes.fit(Shape.LOGISTIC).rSquared()).isLessThan(1);
        assertThat(shapes.best()).isEqualTo(Shape.LINEAR);
    }

    @Test
    void quadraticRecoversItsCoefficients() {
        CurveShapes shapes = CurveShapes.fit(curve(x -> 0.1 + 0.02 * x + 0.01 * x * x, 0, 1, 2, 3, 4, 5));

        assertThat(shapes.fit(Shape.QUADRATIC).parameters())
                .satisfiesExactly(a -> assertThat(a).isCloseTo(0.1, within(1e-9)),
                        b -> assertThat(b).isCloseTo(0.02, within(1e-9)),
                        c -> assertThat(c).isCloseTo(0.01, within(1e-9)));
        assertThat(shapes.best()).isEqualTo(Shape.QUADRATIC);
    }

    @Test
    void anSCurveIsBestAsLogisticWithItsMidpointAndSlope() {
        // 21 levels in 5 % steps of 1 / (1 + exp(-0.15 (x - 55)))
        double[] levels = new double[21];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = 5 * i;
        }
        CurveShapes shapes = CurveShapes.fit(curve(x -> 1 / (1 + Math.exp(-0.15 * (x - 55))), levels));

        ShapeFit logistic = shapes.fit(Shape.LOGISTIC);
        assertThat(logistic.parameters().get(0)).isCloseTo(55, within(1e-6));
        assertThat(logistic.parameters().get(1)).isCloseTo(0.15, within(1e-6));
        assertThat(logistic.rSquared()).isCloseTo(1, within(1e-9));
        assertThat(shapes.fit(Shape.LINEAR).rSquared()).isLessThan(shapes.fit(Shape.QUADRATIC).rSquared());
        assertThat(shapes.best()).isEqualTo(Shape.LOGISTIC);
    }

    @Test
    void aDecreasingSCurveGetsANegativeSlope() {
        CurveShapes shapes = CurveShapes.fit(curve(x -> 1 / (1 + Math.exp(0.1 * (x - 40))), 0, 10, 20, 30, 40, 50, 60, 70, 80));

        assertThat(shapes.fit(Shape.LOGISTIC).parameters().get(1)).isCloseTo(-0.1, within(1e-6));
        assertThat(shapes.best()).isEqualTo(Shape.LOGISTIC);
    }

    @Test
    void aSharpStepStillFitsAsLogistic() {
        CurveShapes shapes = CurveShapes.fit(curve(x -> x < 50 ? 0 : 1, 0, 10, 20, 30, 40, 60, 70, 80, 90, 100));

        assertThat(shapes.fit(Shape.LOGISTIC).undefinedReason()).isNull();
        assertThat(shapes.fit(Shape.LOGISTIC).rSquared()).isGreaterThan(0.99);
        assertThat(shapes.best()).isEqualTo(Shape.LOGISTIC);
    }

    @Test
    void flatProportionsHaveNoRSquared() {
        CurveShapes shapes = CurveShapes.fit(curve(x -> 0.5, 0, 50, 100, 150));

        assertThat(shapes.fits()).allMatch(f -> f.rSquared() == null
                && f.undefinedReason().equals("the proportions do not vary, so R² is undefined"));
        assertThat(shapes.best()).isNull();
        assertThat(shapes.undefinedReason()).contains("do not vary");
    }

    @Test
    void tooFewLevelsForAShapeLeaveItUndefined() {
        // 3 levels: enough for a line or logistic (2 parameters), not for a quadratic (3)
        CurveShapes shapes = CurveShapes.fit(IdentificationPoint.of(List.of(new LevelCount(0, 1, 10),
                new LevelCount(50, 4, 10), new LevelCount(100, 9, 10))));

        assertThat(shapes.fit(Shape.QUADRATIC).undefinedReason()).isEqualTo("needs more than 3 distinct levels, got 3");
        assertThat(shapes.fit(Shape.LINEAR).rSquared()).isNotNull();
        assertThat(shapes.best()).isNotNull();
    }
}
