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

    @Test
    void timesTheBayesianFitNextToPsignifitsRecordedTime() {
        List<FitBenchmark.Dataset> datasets = FitBenchmark.referenceDatasets(2000, 1).subList(0, 1);
        assertThat(datasets.get(0).psignifitSeconds()).isEqualTo(1.244714654000063);
        AtomicInteger fits = new AtomicInteger();
        List<FitBenchmark.Timing> timings = FitBenchmark.run(datasets, FitMethod.BAYES, 2, 1, fits::incrementAndGet);
        assertThat(fits).hasValue(3);
        FitBenchmark.Timing t = timings.get(0);
        assertThat(t.method()).isEqualTo("bayes");
        assertThat(t.bootstrap()).isZero();
        assertThat(t.psignifitMs()).isCloseTo(1244.7, org.assertj.core.api.Assertions.within(0.1));
        assertThat(t.minMs()).isPositive().isLessThanOrEqualTo(t.maxMs());
        assertThat(FitBenchmark.run(datasets, FitMethod.ML, 1, 0, () -> { }).get(0).psignifitMs()).isNull();
    }
}
