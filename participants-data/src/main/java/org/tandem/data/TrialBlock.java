package org.tandem.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

/**
 * Several answered trials of one session turned into trial rows, each with the check it will carry: the serialising
 * (outputs as JSON) and hashing a block needs, done before the store's single writer is taken, so sessions committing
 * at once prepare their blocks in parallel and hold the writer only to insert them.
 */
record TrialBlock(String sessionId, List<AnsweredTrial> answered, List<Map<String, Object>> rows,
                  Map<Integer, String> checks) {

    /** @param columns the trial table's columns ({@link RowChecks#columns}), over which each row's check is computed */
    static TrialBlock of(String sessionId, List<AnsweredTrial> answered, List<RowChecks.Column> columns) {
        List<Map<String, Object>> rows = new ArrayList<>(answered.size());
        Map<Integer, String> checks = new HashMap<>();
        for (AnsweredTrial trial : answered) {
            Map<String, Object> row = row(sessionId, trial.trial(), trial.response());
            rows.add(row);
            checks.put(trial.trial().index(), RowChecks.of(columns, row));
        }
        return new TrialBlock(sessionId, List.copyOf(answered), List.copyOf(rows), Map.copyOf(checks));
    }

    int from() {
        return answered.stream().mapToInt(a -> a.trial().index()).min().orElseThrow();
    }

    int to() {
        return answered.stream().mapToInt(a -> a.trial().index()).max().orElseThrow();
    }

    /** A trial row's values in the order of the writer's insert, by column name. */
    static Map<String, Object> row(String sessionId, Trial trial, Response response) {
        FrameTiming timing = response.timing();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("SESSION_ID", sessionId);
        row.put("PLAN_INDEX", trial.index());
        row.put("TRIAL_ID", trial.id());
        row.put("BLOCK", trial.block());
        row.put("PRACTICE", trial.practice());
        row.put("LEVELS", StoreJson.stringMap(trial.levels()));
        row.put("STIMULI", StimulusText.of(trial));
        row.put("CORRECT_ANSWER", trial.correctAnswer());
        row.put("RESPONSE", response.answer());
        row.put("CORRECT", TrialRecord.scoreOf(trial, response));
        row.put("RT_MS", response.rtMs());
        row.put("ONSET_NS", timing == null ? null : timing.onsetNanos());
        row.put("OFFSET_NS", timing == null ? null : timing.offsetNanos());
        row.put("FRAMES_REQUESTED", timing == null ? null : timing.framesRequested());
        row.put("FRAMES_SHOWN", timing == null ? null : timing.framesShown());
        row.put("MISSED_FRAMES", timing == null ? null : timing.missedFrames());
        row.put("MISSED_FLAG", timing == null ? null : timing.missed());
        row.put("OUTPUT", response.output() == null ? null : StoreJson.output(response.output()));
        row.put("RECORDED_AT", Sql.now());
        row.put("PRESENTATION", response.presentation() == null ? null : PresentationJson.write(response.presentation()));
        return row;
    }
}
