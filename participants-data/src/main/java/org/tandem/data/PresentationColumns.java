package org.tandem.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tandem.protocols.observer.Presentation;
import org.tandem.protocols.observer.ScreenTiming;
import org.tandem.protocols.record.TrialRecord;

/**
 * The export's columns of how the station showed a trial: whether every timed screen had its duration
 * ({@code timing_ok}), the faults, the stimulus sequence's requested and shown milliseconds, the run segment, when the
 * answer window opened and every screen's timing; in ABX also each image's onset and offset. Empty for networks'
 * trials and trials stored before Tandem recorded them.
 */
final class PresentationColumns {
    private static final List<String> COMMON = List.of("timing_ok", "timing_faults", "requested_ms", "shown_ms",
            "run_segment", "answer_opens_ms", "screens");
    private static final List<String> ABX_ROLES = List.of("A", "B", "X");

    private PresentationColumns() {
    }

    /** The columns for these records: the common ones, and per-image onsets and offsets when any trial is ABX. */
    static List<String> columns(List<TrialRecord> records) {
        List<String> columns = new ArrayList<>(COMMON);
        boolean abx = records.stream().map(r -> r.response().presentation())
                .anyMatch(p -> p != null && p.screen("X") != null);
        if (abx) {
            for (String role : ABX_ROLES) {
                String r = role.toLowerCase(java.util.Locale.ROOT);
                columns.add(r + "_onset_ms");
                columns.add(r + "_offset_ms");
            }
        }
        return columns;
    }

    /** Fills {@code columns} (those {@link #columns} chose) of a row; all empty where the trial has no presentation. */
    static void put(Map<String, Object> row, Presentation p, List<String> columns) {
        columns.forEach(column -> row.put(column, null));
        if (p == null) {
            return;
        }
        row.put("timing_ok", p.timingOk());
        row.put("timing_faults", p.faults().isEmpty() ? null
                : p.faults().stream().map(ScreenTiming::describeFault).collect(Collectors.joining("; ")));
        double requested = 0;
        double shown = 0;
        for (ScreenTiming s : p.screens()) {
            if (isStimulusSequence(s.screen())) {
                requested += s.requestedMs();
                shown += s.shownMs();
            }
        }
        row.put("requested_ms", TidyTable.number(requested));
        row.put("shown_ms", TidyTable.number(shown));
        row.put("run_segment", p.runSegment());
        row.put("answer_opens_ms", TidyTable.millis(p.answerOpensNanos()));
        row.put("screens", PresentationJson.write(p));
        for (String role : ABX_ROLES) {
            ScreenTiming s = p.screen(role);
            if (s != null && columns.contains(role.toLowerCase(java.util.Locale.ROOT) + "_onset_ms")) {
                String r = role.toLowerCase(java.util.Locale.ROOT);
                row.put(r + "_onset_ms", TidyTable.millis(s.onsetNanos()));
                row.put(r + "_offset_ms", TidyTable.millis(s.offsetNanos()));
            }
        }
    }

    /** The stimulus images and the blanks between them: what {@code frames_requested} counts. */
    private static boolean isStimulusSequence(String screen) {
        return !screen.equals("iti") && !screen.equals("fixation") && !screen.equals("response");
    }
}
