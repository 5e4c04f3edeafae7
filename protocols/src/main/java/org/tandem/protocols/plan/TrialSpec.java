package org.tandem.protocols.plan;

import java.util.List;
import java.util.Map;

/**
 * A trial before it has a place in the plan: its condition, stimuli and correct answer, plus the keys the randomiser needs.
 *
 * @param levelKey the level of the task's main factor (for ABX the A–B pair), for the run-length limit
 * @param groupKey the level of the factor trials are blocked by, or "" when not blocked
 */
record TrialSpec(String id, String block, boolean practice, boolean feedback, Map<String, String> levels,
                 List<ShownStimulus> stimuli, String correctAnswer, String levelKey, String groupKey) {

    RunKey runKey() {
        return new RunKey(levelKey, correctAnswer);
    }

    Trial toTrial(int index, boolean breakBefore) {
        return new Trial(index, id, block, practice, feedback, breakBefore, levels, stimuli, correctAnswer);
    }
}
