package org.tandem.presenter;

import java.util.List;

/**
 * The frames of each screen of a trial at the measured refresh rate, from the protocol's timing.
 *
 * @param fixation       fixation cross before the stimulus (0: none)
 * @param stimulus       each stimulus image (in ABX: each of A, B and X)
 * @param isi            blank between the images of a sequence (0: none)
 * @param responseWindow the most frames the response screen waits (0: until a response)
 * @param iti            blank between trials (0: none)
 */
public record FramePlan(int fixation, int stimulus, int isi, int responseWindow, int iti) {

    public FramePlan {
        if (stimulus < 1) {
            throw new IllegalArgumentException("a stimulus needs at least one frame, got " + stimulus);
        }
    }

    /** The plan from converted durations; a stimulus duration must be among them. */
    public static FramePlan of(List<FrameConversion> conversions) {
        return new FramePlan(FrameConversions.frames(conversions, "fixation"),
                FrameConversions.frames(conversions, "stimulus"), FrameConversions.frames(conversions, "isi"),
                FrameConversions.frames(conversions, "responseWindow"), FrameConversions.frames(conversions, "iti"));
    }
}
