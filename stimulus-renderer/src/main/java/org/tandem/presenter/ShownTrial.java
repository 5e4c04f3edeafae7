package org.tandem.presenter;

import java.util.List;
import org.tandem.protocols.observer.FrameTiming;
import org.tandem.protocols.observer.ScreenTiming;

/**
 * What {@link TrialPresenter} showed of a trial, up to the response screen's first flip.
 *
 * @param timing           the stimulus sequence as a whole: onset of the first image, offset at the response screen
 * @param screens          the timed screens in order: iti, fixation, then each image (by role) and each blank between
 * @param answerOpensNanos the flip from which an answer counts: the stimulus onset, or in ABX once X has appeared
 *                         and A and B have been seen (or after B, when the protocol says so)
 */
public record ShownTrial(FrameTiming timing, List<ScreenTiming> screens, long answerOpensNanos) {
    public ShownTrial {
        screens = List.copyOf(screens);
    }
}
