package org.tandem.presenter.station;

import org.tandem.presenter.FrameAccounting;

/**
 * The response window in frames: it counts the refreshes of the response screen from its first flip (a late flip
 * counts the refreshes it spans, as the stimulus does), so the window is as many frames as the protocol's duration
 * converts to, not a wall-clock deadline. Reused trial after trial without allocating.
 */
final class ResponseWindow {
    private final int frames;
    private final double periodNs;
    private long firstFlip;
    private long lastFlip;
    private int elapsed;
    private long closedAt;

    /** @param frames the window's frames; 0: it never closes */
    ResponseWindow(int frames, double periodNs) {
        this.frames = frames;
        this.periodNs = periodNs;
    }

    /** Starts counting at the response screen's first flip. */
    void start(long firstFlipNanos) {
        firstFlip = firstFlipNanos;
        lastFlip = firstFlipNanos;
        elapsed = 0;
        closedAt = 0;
    }

    /** Counts the refreshes up to {@code flip}; true once the window has run all its frames. */
    boolean passed(long flip) {
        if (flip != lastFlip) {
            elapsed += FrameAccounting.refreshes(flip - lastFlip, periodNs);
            lastFlip = flip;
        }
        if (frames > 0 && closedAt == 0 && elapsed >= frames) {
            closedAt = flip;
        }
        return closedAt != 0;
    }

    /** The flip at which the window closed, 0 while it is open. */
    long closedAt() {
        return closedAt;
    }

    int frames() {
        return frames;
    }

    /** The refreshes counted since the first flip. */
    int elapsed() {
        return elapsed;
    }

    long firstFlip() {
        return firstFlip;
    }

    long lastFlip() {
        return lastFlip;
    }
}
