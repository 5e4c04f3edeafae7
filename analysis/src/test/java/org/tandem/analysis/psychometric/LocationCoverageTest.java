package org.tandem.analysis.psychometric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the 95 % percentile-bootstrap interval for the location: 500 data sets drawn from the yes/no reference
 * design (21 levels 0–100, 30 trials each, cumulative normal at location 50, width 40, guess and lapse 0.02) must put
 * the true location inside the interval 93–97 % of the time. Slow (about a minute on 2 cores): run with
 * {@code -Dgroups=slow -Dtandem.excludedGroups=none}.
 */
@Tag("slow")
class LocationCoverageTest {
    private static final int DATASETS = 500;

    @Test
    void ninetyFivePercentIntervalsCoverTheTrueLocation() {
        double[] levels = new double[21];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = 5 * i;
        }
        double scale = 40 / (Sigmoid.CUMULATIVE_NORMAL.quantile(0.95) - Sigmoid.CUMULATIVE_NORMAL.quantile(0.05));
        Parameters truth = new Parameters(50, scale, 0.02, 0.02, 0);
        int covered = 0;
        int fitted = 0;
        for (int d = 0; d < DATASETS; d++) {
            BinomialCounts data = SimulatedData.draw(Sigmoid.CUMULATIVE_NORMAL, truth, levels, 30, 1000 + d);
            PsychometricFit fit = PsychometricFitter.fit(data, FitOptions.yesNo().withBootstrap(2000, d));
            if (fit.fitted()) {
                fitted++;
                covered += fit.location().ci().contains(50) ? 1 : 0;
            }
        }
        double coverage = (double) covered / DATASETS;
        System.out.printf("location coverage: %d of %d intervals (%.1f %%), %d fitted%n", covered, DATASETS,
                100 * coverage, fitted);
        assertThat(fitted).isEqualTo(DATASETS);
        assertThat(coverage).isBetween(0.93, 0.97);
    }
}
