package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.identification.IdentificationPoint;
import org.tandem.analysis.records.PairAccuracy;

class CategoricalPerceptionTest {
    // identification: 0 % → 0, 10 → .1, 20 → .3, 30 → .9, 40 → 1
    static final List<IdentificationPoint> IDENTIFICATION = List.of(new IdentificationPoint(0, 0),
            new IdentificationPoint(10, 0.1), new IdentificationPoint(20, 0.3), new IdentificationPoint(30, 0.9),
            new IdentificationPoint(40, 1));

    @Test
    void predictedAccuracyBoundaryAndPeakByHand() {
        // boundary between 20 (.3) and 30 (.9): 20 + (.5 - .3)/(.9 - .3) × 10 = 23.333
        // predicted ½[1 + (pA - pB)²]: 0-20: ½(1 + .09) = .545; 10-30: ½(1 + .64) = .82; 20-40: ½(1 + .49) = .745
        // observed 5/10, 9/10, 7/10; 10-30 and 20-40 straddle 23.3, and the best of them (.9) beats 0-20 (.5)
        // Pearson r of (.545, .82, .745) and (.5, .9, .7): deviations (-.158333, .116667, .041667), (-.2, .2, 0)
        //   Sxy = .055, Sxx = .0404167, Syy = .08 → r = .055 / sqrt(.0404167 × .08) = .967247
        //   t = r sqrt(1)/sqrt(1 - r²) = 3.8108, 1 df (Cauchy): p = 1 - (2/π) atan(3.8108) = 0.16339
        CategoricalPerception cp = CategoricalPerception.compare(IDENTIFICATION, List.of(new PairAccuracy(0, 20, 5, 10),
                new PairAccuracy(10, 30, 9, 10), new PairAccuracy(20, 40, 7, 10)));

        assertThat(cp.boundary()).isCloseTo(23.333333, within(1e-6));
        assertThat(cp.pairs()).extracting(CategoricalPerception.PairPrediction::predicted)
                .satisfiesExactly(p -> assertThat(p).isCloseTo(0.545, within(1e-12)),
                        p -> assertThat(p).isCloseTo(0.82, within(1e-12)),
                        p -> assertThat(p).isCloseTo(0.745, within(1e-12)));
        assertThat(cp.pairs()).extracting(CategoricalPerception.PairPrediction::straddlesBoundary)
                .containsExactly(false, true, true);
        assertThat(cp.peakAtBoundary()).isTrue();
        assertThat(cp.correlation().coefficient()).isCloseTo(0.967247129904906, within(1e-12));
        assertThat(cp.correlation().p()).isCloseTo(0.1633850633177258, within(1e-9));
    }

    @Test
    void aPeakAwayFromTheBoundaryIsNotCategorical() {
        CategoricalPerception cp = CategoricalPerception.compare(IDENTIFICATION, List.of(new PairAccuracy(0, 20, 9, 10),
                new PairAccuracy(10, 30, 6, 10), new PairAccuracy(20, 40, 6, 10)));

        assertThat(cp.peakAtBoundary()).isFalse();
    }

    @Test
    void aFlatDiscriminationCurveHasNoPeak() {
        CategoricalPerception cp = CategoricalPerception.compare(IDENTIFICATION, List.of(new PairAccuracy(0, 20, 7, 10),
                new PairAccuracy(10, 30, 7, 10), new PairAccuracy(20, 40, 7, 10)));

        assertThat(cp.peakAtBoundary()).isFalse();
        assertThat(cp.correlation().coefficient()).isNull();
        assertThat(cp.correlation().undefinedReason()).contains("same for every pair");
    }

    @Test
    void aLevelWithoutIdentificationLeavesThatPairUnpredicted() {
        CategoricalPerception cp = CategoricalPerception.compare(IDENTIFICATION, List.of(new PairAccuracy(30, 50, 7, 10)));

        assertThat(cp.pairs().get(0).predicted()).isNull();
        assertThat(cp.pairs().get(0).undefinedReason()).isEqualTo("no identification proportion at level 50");
        assertThat(cp.correlation().undefinedReason()).isEqualTo("needs at least 3 pairs with a prediction, got 0");
        assertThat(cp.peakAtBoundary()).isNull();
        assertThat(cp.peakUndefinedReason()).isEqualTo("no ABX pair straddles the boundary at 23.333");
    }

    @Test
    void identificationThatNeverReachesHalfHasNoBoundary() {
        CategoricalPerception cp = CategoricalPerception.compare(
                List.of(new IdentificationPoint(0, 0.1), new IdentificationPoint(20, 0.3)),
                List.of(new PairAccuracy(0, 20, 5, 10)));

        assertThat(cp.boundary()).isNull();
        assertThat(cp.boundaryUndefinedReason()).isEqualTo("the identification proportions never reach 50 %");
        assertThat(cp.peakUndefinedReason()).isEqualTo("there is no category boundary");
    }

    @Test
    void aLevelAtExactlyHalfIsTheBoundary() {
        assertThat(CategoricalPerception.boundary(List.of(new IdentificationPoint(0, 0.2),
                new IdentificationPoint(50, 0.5), new IdentificationPoint(100, 0.9)))).isEqualTo(50.0);
    }
}
