package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;

class BinomialCountsTest {

    @Test
    void trialsAggregateIntoSortedCountsPerLevel() {
        BinomialCounts counts = BinomialCounts.fromTrials(List.of(new TrialResponse(30, true),
                new TrialResponse(10, false), new TrialResponse(30, false), new TrialResponse(10, false),
                new TrialResponse(20, true), new TrialResponse(30, true)));
        assertThat(counts.levels()).containsExactly(10, 20, 30);
        assertThat(new int[] {counts.k(0), counts.k(1), counts.k(2)}).containsExactly(0, 1, 2);
        assertThat(new int[] {counts.n(0), counts.n(1), counts.n(2)}).containsExactly(2, 1, 3);
        assertThat(counts.totalTrials()).isEqualTo(6);
    }

    @Test
    void rowsOfOneLevelAreMerged() {
        BinomialCounts counts = BinomialCounts.of(new double[] {2, 1, 2}, new int[] {1, 0, 3}, new int[] {4, 5, 6});
        assertThat(counts.size()).isEqualTo(2);
        assertThat(counts.k(1)).isEqualTo(4);
        assertThat(counts.n(1)).isEqualTo(10);
    }

    @Test
    void impossibleCountsNameTheRow() {
        assertThatThrownBy(() -> BinomialCounts.of(new double[] {1, 2}, new int[] {1, 7}, new int[] {4, 5}))
                .isInstanceOf(TandemException.class).hasMessageContaining("row 2").hasMessageContaining("k = 7");
        assertThatThrownBy(() -> BinomialCounts.of(new double[] {Double.NaN}, new int[] {1}, new int[] {4}))
                .isInstanceOf(TandemException.class).hasMessageContaining("not a finite number");
    }
}
