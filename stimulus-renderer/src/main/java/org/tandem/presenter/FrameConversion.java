package org.tandem.presenter;

import java.util.Locale;

/**
 * A protocol duration turned into whole frames at the measured refresh rate, kept so the session can show and store
 * what was asked and what will be shown.
 *
 * @param screen          which duration (fixation, stimulus, isi, mask, responseWindow, iti)
 * @param requestedMs     the duration in milliseconds as the protocol gave it, or null when it gave frames
 * @param requestedFrames the duration in frames as the protocol gave it, or null when it gave milliseconds
 * @param frames          the whole frames that will be shown
 * @param refreshHz       the measured refresh rate used for the conversion
 */
public record FrameConversion(String screen, Double requestedMs, Integer requestedFrames, int frames, double refreshHz) {

    /** How long the frames last at the measured rate. */
    public double shownMs() {
        return frames * 1000.0 / refreshHz;
    }

    /** e.g. {@code stimulus: 200 ms -> 12 frames at 59.94 Hz = 200.2 ms}. */
    public String describe() {
        String asked = requestedMs != null ? String.format(Locale.ROOT, "%s ms", trim(requestedMs))
                : requestedFrames + " frames";
        return String.format(Locale.ROOT, "%s: %s -> %d frames at %.2f Hz = %.1f ms", screen, asked, frames, refreshHz,
                shownMs());
    }

    private static String trim(double ms) {
        return ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms);
    }
}
