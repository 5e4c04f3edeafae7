package org.tandem.protocols.observer;

import java.util.Locale;

/**
 * One timed screen of a trial as it was shown: its first flip, the first flip of the screen after it, the frames asked
 * for and shown, both as milliseconds, and whether the shown duration is off by more than half a refresh period.
 *
 * @param screen          {@code iti}, {@code fixation}, a stimulus role ({@code S}, {@code A}, {@code B}, {@code X}),
 *                        {@code isi} or {@code response}
 * @param framesRequested the frames the protocol asked for; 0 for a screen that waits (an answered response screen),
 *                        which has no duration to check
 * @param requestedMs     {@code framesRequested} at the measured refresh period
 * @param shownMs         offset - onset on the flip clock
 * @param fault           {@link #SHORT}, {@link #LONG} or null
 */
public record ScreenTiming(String screen, long onsetNanos, long offsetNanos, int framesRequested, int framesShown,
                           double requestedMs, double shownMs, String fault) {
    public static final String SHORT = "short";
    public static final String LONG = "long";

    /**
     * Measures a screen against its request. A screen whose {@code allowLonger} is set (the inter-trial blank, which
     * waits for the previous trial's commit) is only ever too short.
     */
    public static ScreenTiming measured(String screen, long onsetNanos, long offsetNanos, int framesRequested,
                                        int framesShown, double periodNs, boolean allowLonger) {
        double requestedMs = framesRequested * periodNs / 1e6;
        double shownMs = (offsetNanos - onsetNanos) / 1e6;
        double tolerance = periodNs / 2e6;
        String fault = null;
        if (framesRequested > 0 && shownMs < requestedMs - tolerance) {
            fault = SHORT;
        } else if (framesRequested > 0 && !allowLonger && shownMs > requestedMs + tolerance) {
            fault = LONG;
        }
        return new ScreenTiming(screen, onsetNanos, offsetNanos, framesRequested, framesShown, requestedMs, shownMs,
                fault);
    }

    public boolean ok() {
        return fault == null;
    }

    /** Shown minus requested milliseconds; 0 for a screen that waits. */
    public double deviationMs() {
        return framesRequested == 0 ? 0 : shownMs - requestedMs;
    }

    /** E.g. {@code fixation short: 8.3 of 33.4 ms}. */
    public String describeFault() {
        return String.format(Locale.ROOT, "%s %s: %.1f of %.1f ms", screen, fault, shownMs, requestedMs);
    }
}
