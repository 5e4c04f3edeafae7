package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.confusion.ConfusionMatrix;
import org.tandem.analysis.confusion.ProportionMatrix;
import org.tandem.analysis.records.LabelledResponse;
import org.tandem.protocols.TandemException;

class ErrorPatternsTest {
    static final List<String> LABELS = List.of("a", "b", "c");

    /** A matrix with {@code counts[i][j]} trials of true label i answered j. */
    static ProportionMatrix matrix(List<String> labels, int[][] counts) {
        List<LabelledResponse> responses = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                for (int k = 0; k < counts[i][j]; k++) {
                    responses.add(new LabelledResponse("t" + responses.size(), labels.get(i), labels.get(j)));
                }
            }
        }
        return ConfusionMatrix.of(labels, responses).proportions();
    }

    @Test
    void correlatesTheOffDiagonalRatesRowMajor() {
        // rows of 20 trials; off-diagonal rates in row-major order (ab, ac, ba, bc, ca, cb):
        // human 2/20, 0, 0, 4/20, 1/20, 0 = (.1, 0, 0, .2, .05, 0); network 4/20, 0, 2/20, 6/20, 0, 0 = (.2, 0, .1, .3, 0, 0)
        // which is the tied example of KendallTauTest: tau-b 2/3, p 0.0854326
        ProportionMatrix human = matrix(LABELS, new int[][] {{18, 2, 0}, {0, 16, 4}, {1, 0, 19}});
        ProportionMatrix network = matrix(LABELS, new int[][] {{16, 4, 0}, {2, 12, 6}, {0, 0, 20}});

        CorrelationTest t = ErrorPatterns.kendall(human, network);

        assertThat(t.n()).isEqualTo(6);
        assertThat(t.coefficient()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(t.p()).isCloseTo(0.08543257185399332, within(1e-9));
    }

    @Test
    void rowsUndefinedInEitherMatrixAreLeftOut() {
        ProportionMatrix human = matrix(LABELS, new int[][] {{18, 2, 0}, {0, 16, 4}, {1, 0, 19}});
        ProportionMatrix noC = matrix(LABELS, new int[][] {{16, 4, 0}, {2, 12, 6}, {0, 0, 0}});

        assertThat(ErrorPatterns.kendall(human, noC).n()).isEqualTo(4);
    }

    @Test
    void differentLabelsCannotBeCompared() {
        ProportionMatrix abc = matrix(LABELS, new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        ProportionMatrix abd = matrix(List.of("a", "b", "d"), new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

        assertThatThrownBy(() -> ErrorPatterns.kendall(abc, abd)).isInstanceOf(TandemException.class)
                .hasMessageContaining("[a, b, c] and [a, b, d]");
    }
}
