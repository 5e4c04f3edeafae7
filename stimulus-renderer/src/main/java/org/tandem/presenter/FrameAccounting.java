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
        return new FrameTiming(flips[from], flips[to], requested, shownFrames(flips, from, to, periodNs),
                missedFrames(flips, from, to, periodNs));
    }

    /** The refreshes between {@code flips[from]} and {@code flips[to]}: one per interval, more for a late one. */
    public static int shownFrames(long[] flips, int from, int to, double periodNs) {
        int shown = 0;
        for (int i = from; i < to; i++) {
            shown += refreshes(flips[i + 1] - flips[i], periodNs);
        }
        return shown;
    }

    /** The refreshes one flip interval spans: 1, or {@code round(interval / period)} for a missed one. */
    public static int refreshes(long intervalNs, double periodNs) {
        return isMissed(intervalNs, periodNs) ? (int) Math.round(intervalNs / periodNs) : 1;
    }

    private static int missedFrames(long[] flips, int from, int to, double periodNs) {
        int missed = 0;
        for (int i = from; i < to; i++) {
            if (isMissed(flips[i + 1] - flips[i], periodNs)) {
                missed++;
            }
        }
        return missed;
    }

    /** Whether one frame interval is long enough to mean a refresh was missed. */
    public static boolean isMissed(long intervalNs, double periodNs) {
        return intervalNs > MISSED_FRAME_THRESHOLD * periodNs;
    }

    /** The number of missed frames among consecutive intervals of {@code flips[0..count)}. */
    public static int missedFrames(long[] flips, int count, double periodNs) {
        return count < 2 ? 0 : missedFrames(flips, 0, count - 1, periodNs);
    }
}
