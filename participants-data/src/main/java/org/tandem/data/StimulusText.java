package org.tandem.data;

import java.util.stream.Collectors;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.Trial;

/** The stimuli of a trial as one text: the id of a single image, or {@code A=<id>;B=<id>;X=<id>} in presentation order. */
final class StimulusText {
    private StimulusText() {
    }

    static String of(Trial trial) {
        if (trial.stimuli().size() == 1) {
            return trial.stimuli().get(0).stimulus().id();
        }
        return trial.stimuli().stream()
                .map(StimulusText::roleAndId)
                .collect(Collectors.joining(";"));
    }

    private static String roleAndId(ShownStimulus shown) {
        return shown.role() + "=" + shown.stimulus().id();
    }
}
