package org.tandem.protocols.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One planned trial, the unit every observer answers.
 *
 * @param index         position in the plan, 0-based
 * @param id            stable id from block, condition and repetition; the same condition gets the same id whatever the seed,
 *                      so trials of different observers can be matched one to one
 * @param block         block name
 * @param practice      practice trials are shown but left out of analyses
 * @param feedback      whether the observer is told whether it was right
 * @param breakBefore   whether a rest break is offered before this trial
 * @param levels        factor levels in canonical text, in the protocol's factor order
 * @param stimuli       the images the trial shows, in presentation order
 * @param correctAnswer the label that counts as correct, or null where none exists (e.g. the midpoint of a continuum)
 */
@JsonPropertyOrder({"index", "id", "block", "practice", "feedback", "breakBefore", "levels", "stimuli", "correctAnswer"})
public record Trial(int index, String id, String block, boolean practice, boolean feedback, boolean breakBefore,
                    Map<String, String> levels, List<ShownStimulus> stimuli, String correctAnswer) {

    public Trial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(block, "block");
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        stimuli = List.copyOf(stimuli);
    }

    /** The level of a numeric factor (e.g. morph percent). */
    public double numericLevel(String factor) {
        String value = levels.get(factor);
        if (value == null) {
            throw new IllegalArgumentException("trial " + id + " has no factor '" + factor + "'");
        }
        return new BigDecimal(value).doubleValue();
    }

    /** The stimulus shown in a role, or null when the trial has none in that role. */
    public StimulusRef stimulus(String role) {
        return stimuli.stream().filter(s -> s.role().equals(role)).map(ShownStimulus::stimulus).findFirst().orElse(null);
    }

    Trial withIndex(int newIndex, boolean newBreakBefore) {
        return new Trial(newIndex, id, block, practice, feedback, newBreakBefore, levels, stimuli, correctAnswer);
    }
}
