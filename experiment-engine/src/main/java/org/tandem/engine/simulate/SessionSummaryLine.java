package org.tandem.engine.simulate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tandem.protocols.Task;
import org.tandem.protocols.record.TrialRecord;

/**
 * A one-line summary of a finished session: for two-AFC the proportion of the first label per level of the continuum, for
 * classification the accuracy. Practice trials are left out, as in every analysis.
 */
public final class SessionSummaryLine {
    private SessionSummaryLine() {
    }

    public static String of(Task task, List<TrialRecord> records) {
        List<TrialRecord> main = records.stream().filter(r -> !r.trial().practice()).toList();
        if (task instanceof Task.TwoAfc twoAfc) {
            String first = task.labels().get(0).label();
            String factor = twoAfc.continuum().factor();
            Map<Double, long[]> byLevel = new TreeMap<>();
            for (TrialRecord r : main) {
                long[] counts = byLevel.computeIfAbsent(r.trial().numericLevel(factor), k -> new long[2]);
                counts[0] += first.equals(r.response().answer()) ? 1 : 0;
                counts[1]++;
            }
            return "P(" + first + ") by " + factor + ": " + byLevel.entrySet().stream()
                    .map(e -> level(e.getKey()) + "=" + String.format(Locale.ROOT, "%.2f",
                            (double) e.getValue()[0] / e.getValue()[1]))
                    .collect(Collectors.joining(" "));
        }
        long scored = main.stream().filter(r -> r.correct() != null).count();
        long correct = main.stream().filter(r -> Boolean.TRUE.equals(r.correct())).count();
        return String.format(Locale.ROOT, "accuracy %.3f (%d of %d, chance %.3f)",
                scored == 0 ? Double.NaN : (double) correct / scored, correct, scored, 1.0 / task.labels().size());
    }

    private static String level(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
