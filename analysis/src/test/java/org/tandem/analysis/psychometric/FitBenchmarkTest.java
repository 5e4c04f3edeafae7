package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping (no timing limits: speed is measured with tandem bench fit). */
class FitBenchmarkTest {

    @Test
    void runsEveryReferenceDatasetAndReportsOrderedFigures() {
        List<FitBenchmark.Dataset> datasets = FitBenchmark.referenceDatasets(50, 1);
        assertThat(datasets).extracting(FitBenchmark.Dataset::name)
                .containsExactly(ReferenceData.TWO_AFC, ReferenceData.YES_NO);
        assertThat(datasets.get(0).counts().toString()).isEqualTo(ReferenceData.counts(ReferenceData.TWO_AFC).toString());
        assertThat(datasets.get(1).options().yesNoTask()).isTrue();
        AtomicInteger fits = new AtomicInteger();
        List<FitBenchmark.Timing> timings = FitBenchmark.run(datasets, 3, 1, fits::incrementAndGet);
        assertThat(fits).hasValue(8);
        for (FitBenchmark.Timing t : timings) {
            assertThat(t.repetitions()).isEqualTo(3);
            assertThat(t.minMs()).isPositive().isLessThanOrEqualTo(t.medianMs());
            assertThat(t.medianMs()).isLessThanOrEqualTo(t.p90Ms());
            assertThat(t.p90Ms()).isLessThanOrEqualTo(t.maxMs());
        }
        assertThat(timings.get(1).levels()).isEqualTo(21);
        assertThat(timings.get(1).trials()).isEqualTo(630);
    }
}
