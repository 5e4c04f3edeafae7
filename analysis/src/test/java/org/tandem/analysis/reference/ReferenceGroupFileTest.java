package org.tandem.analysis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.analysis.compare.PseComparison;
import org.tandem.protocols.TandemException;

class ReferenceGroupFileTest {

    @Test
    void aFractionWithItsSemBecomesPercentWithTheSd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ying.json");
        Files.writeString(file, "{\"groups\": [{\"name\": \"Ying\", \"pse\": {\"continuum\": {\"from\": \"sad\","
                + " \"to\": \"happy\"}, \"levels\": \"fraction\", \"mean\": 0.532, \"sem\": 0.018, \"n\": 50}}]}");
        ReferenceGroup.PublishedPse pse = ReferenceGroupFile.read(file).get(0).pse();
        assertThat(pse.mean()).isCloseTo(53.2, offset(1e-9));
        assertThat(pse.sd()).isCloseTo(1.8 * Math.sqrt(50), offset(1e-9));
        assertThat(pse.n()).isEqualTo(50);
        assertThat(pse.spread()).isEqualTo("SEM 0.018 (fraction)");
    }

    @Test
    void aSummaryGivesTheSameTestAsThePeoplesPsesItSummarises() {
        double[] people = {48.1, 52.9, 55.0, 50.2, 57.3, 49.8, 53.6};
        Map<String, Double> networks = new LinkedHashMap<>();
        networks.put("a", 61.0);
        networks.put("b", 51.5);
        networks.put("c", null);
        SummaryStatistics s = new SummaryStatistics();
        for (double p : people) {
            s.addValue(p);
        }
        PseComparison raw = PseComparison.test(people, networks, 0.05);
        PseComparison summary = PseComparison.test(new StatisticalSummaryValues(s.getMean(), s.getVariance(), s.getN(),
                Double.NaN, Double.NaN, s.getSum()), networks, 0.05);
        assertThat(summary).isEqualTo(raw);
        assertThat(summary.tests().get(0).t()).isCloseTo((s.getMean() - 61.0) / (s.getStandardDeviation()
                / Math.sqrt(7)), offset(1e-12));
        assertThat(summary.tests().get(2).undefinedReason()).contains("no PSE");
    }

    @Test
    void aConfusionRowOfTheWrongLengthIsRefusedByItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zhou.json");
        Files.writeString(file, "{\"groups\": [{\"name\": \"Z\", \"confusion\": {\"labels\": [\"a\", \"b\"],"
                + " \"rows\": [[0.9, 0.1], [0.2]]}}]}");
        assertThatThrownBy(() -> ReferenceGroupFile.read(file)).isInstanceOf(TandemException.class)
                .hasMessage(file + ": groups[0].confusion.rows[1] has 1 values for 2 labels");
    }
}
