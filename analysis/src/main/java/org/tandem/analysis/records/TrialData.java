package org.tandem.analysis.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

/**
 * Turns one observer's trial records into the data each analysis takes. Practice trials are always left out, and so
 * are trials without an answer (a missed response window): analyses count answered trials; {@link #unanswered} says
 * how many were missed.
 */
public final class TrialData {
    private TrialData() {
    }

    /** Classification: (true label, chosen label) of every answered test trial, in record order. */
    public static List<LabelledResponse> labelledResponses(List<TrialRecord> records) {
        List<LabelledResponse> out = new ArrayList<>();
        for (TrialRecord r : answeredTestTrials(records)) {
            Trial t = r.trial();
            if (t.correctAnswer() == null) {
                throw new TandemException("trial " + t.id() + " of session " + r.session().sessionId()
                        + " has no correct answer, so it has no true label for a confusion matrix;"
                        + " give every stimulus expression a label in the protocol's task");
            }
            out.add(new LabelledResponse(t.id(), t.correctAnswer(), r.response().answer()));
        }
        return out;
    }

    /**
     * Two-AFC identification: per continuum level (ascending), how many answered test trials chose the task's first
     * label (in the built-in happy/sad protocol: "happy", the label of the continuum's far end).
     */
    public static List<LevelCount> levelCounts(List<TrialRecord> records, Task.TwoAfc task) {
        String counted = task.labels().get(0).label();
        String factor = task.continuum().factor();
        Map<Double, int[]> byLevel = new TreeMap<>();
        for (TrialRecord r : answeredTestTrials(records)) {
            int[] kn = byLevel.computeIfAbsent(level(r, factor), l -> new int[2]);
            kn[0] += counted.equals(r.response().answer()) ? 1 : 0;
            kn[1]++;
        }
        List<LevelCount> out = new ArrayList<>();
        byLevel.forEach((level, kn) -> out.add(new LevelCount(level, kn[0], kn[1])));
        return out;
    }

    /** ABX: per pair of levels (ascending by lower, then higher level), correct and answered trials. */
    public static List<PairAccuracy> pairAccuracies(List<TrialRecord> records, Task.Abx task) {
        String factor = task.continuum().factor();
        Map<Span, int[]> byPair = new TreeMap<>(Comparator.comparingDouble(Span::low).thenComparingDouble(Span::high));
        for (TrialRecord r : answeredTestTrials(records)) {
            double a = level(r, factor + "_a");
            double b = level(r, factor + "_b");
            int[] ct = byPair.computeIfAbsent(new Span(Math.min(a, b), Math.max(a, b)), p -> new int[2]);
            ct[0] += Boolean.TRUE.equals(r.correct()) ? 1 : 0;
            ct[1]++;
        }
        List<PairAccuracy> out = new ArrayList<>();
        byPair.forEach((pair, ct) -> out.add(new PairAccuracy(pair.low(), pair.high(), ct[0], ct[1])));
        return out;
    }

    private record Span(double low, double high) {
    }

    /**
     * Trial id → whether it was answered correctly, for trial-by-trial error consistency; trials without a correct
     * answer (e.g. the midpoint of a continuum) or without an answer are left out.
     */
    public static Map<String, Boolean> correctByTrial(List<TrialRecord> records) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        Map<String, String> sessionOf = new LinkedHashMap<>();
        for (TrialRecord r : answeredTestTrials(records)) {
            if (r.correct() == null) {
                continue;
            }
            String id = r.trial().id();
            String earlier = sessionOf.putIfAbsent(id, r.session().sessionId());
            if (earlier != null) {
                throw new TandemException("trial " + id + " appears twice (sessions " + earlier + " and "
                        + r.session().sessionId() + "); give one session's records (see ObserverSession.split)");
            }
            out.put(id, r.correct());
        }
        return out;
    }

    /** Test trials (not practice) that got no answer. */
    public static int unanswered(List<TrialRecord> records) {
        return (int) records.stream().filter(r -> !r.trial().practice() && r.response().answer() == null).count();
    }

    private static List<TrialRecord> answeredTestTrials(List<TrialRecord> records) {
        return records.stream().filter(r -> !r.trial().practice() && r.response().answer() != null).toList();
    }

    private static double level(TrialRecord r, String factor) {
        String text = r.trial().levels().get(factor);
        if (text == null) {
            throw new TandemException("trial " + r.trial().id() + " of session " + r.session().sessionId()
                    + " has no level for factor '" + factor + "'; analyse it with the protocol it was run with");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TandemException("trial " + r.trial().id() + " has level '" + text + "' for factor '" + factor
                    + "', which is not a number; continuum levels must be numbers");
        }
    }
}
