package org.tandem.presenter;

import org.tandem.protocols.observer.FrameTiming;

/**
 * Turns flip timestamps into a trial's {@link FrameTiming}. A frame interval longer than 1.5 refresh periods means the
 * swap missed a refresh: the image before it stayed on screen for {@code round(interval / period)} refreshes instead of
 * one, so those refreshes count as shown.
 */
public final class FrameAccounting {
    /** Intervals above this many refresh periods are missed frames. */
    public static final double MISSED_FRAME_THRESHOLD = 1.5;

    private FrameAccounting() {
    }

    /**
     * @param flips     flip timestamps (ns): {@code flips[from]} is the onset (first frame showing the stimulus) and
     *                  {@code flips[to]} the offset (first frame without it)
     * @param requested the frames the stimulus was meant to stay on screen
     * @param periodNs  the refresh period measured at start
     */
    public static FrameTiming timing(long[] flips, int from, int to, int requested, double periodNs) {
        if (to <= from) {
            throw new IllegalArgumentException("the offset flip (" + to + ") must come after the onset flip (" + from + ")");
        }
        int shown = 0;
        int missed = 0;
        for (int i = from; i < to; i++) {
            long interval = flips[i + 1] - flips[i];
            if (isMissed(interval, periodNs)) {
                missed++;
                shown += (int) Math.round(interval / periodNs);
            } else {
                shown++;
            }
        }
        return new FrameTiming(flips[from], flips[to], requested, shown, missed);
    }

    /** Whether one frame interval is long enough to mean a refresh was missed. */
    public static boolean isMissed(long intervalNs, double periodNs) {
        return intervalNs > MISSED_FRAME_THRESHOLD * periodNs;
    }

    /** The number of missed frames among consecutive intervals of {@code flips[0..count)}. */
    public static int missedFrames(long[] flips, int count, double periodNs) {
        int missed = 0;
        for (int i = 1; i < count; i++) {
            if (isMissed(flips[i] - flips[i - 1], periodNs)) {
                missed++;
            }
        }
        return missed;
    }
}
