package org.tandem.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.compare.CorrelationTest;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.report.ClassificationSection.ClassificationObserver;
import org.tandem.analysis.report.ClassificationSection.PatternComparison;

/** τ between error patterns is flagged when an observer's errors fill too few cells for a pattern to be compared. */
class ErrorPatternFlagsTest {
    private static final CorrelationTest TAU = new CorrelationTest("Kendall tau-b", 6, 1.0, 1e-4, "normal", null);

    @Test
    void tauIsFlaggedWhenAnObserverErrsInFewerThanThreeCells() {
        // "two" confuses only a with b and b with a; "spread" errs in four cells
        ClassificationObserver two = observer("two", List.of(List.of(8, 2, 0), List.of(1, 9, 0), List.of(0, 0, 10)));
        ClassificationObserver spread = observer("spread", List.of(List.of(7, 2, 1), List.of(1, 8, 1), List.of(0, 1, 9)));
        ClassificationObserver also = observer("also", List.of(List.of(8, 1, 1), List.of(1, 9, 0), List.of(0, 1, 9)));
        ClassificationSection s = new ClassificationSection(List.of("a", "b", "c"), List.of(two, spread, also), null, 0,
                List.of(new PatternComparison("two", "spread", TAU), new PatternComparison("spread", "also", TAU)),
                List.of(), null);

        List<Flag> flags = ReportFlags.classification(s);

        assertThat(flags).extracting(Flag::observer, Flag::statistic, Flag::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("two", "τ with spread", Flag.Kind.TOO_FEW));
        assertThat(flags.get(0).note()).contains("errors in 2 confusion cells only");
    }

    private static ClassificationObserver observer(String name, List<List<Integer>> counts) {
        int n = counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
        int right = counts.get(0).get(0) + counts.get(1).get(1) + counts.get(2).get(2);
        return new ClassificationObserver(name, ReportText.NETWORK, List.of("s"), counts, null,
                new Accuracy(right, n, (double) right / n, 0.5, 0.95, 100, 1, null), List.of());
    }
}
