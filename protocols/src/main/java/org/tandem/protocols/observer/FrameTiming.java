package org.tandem.protocols.observer;

/**
 * What the presenter measured for a trial's stimulus: timestamps taken right after the buffer swap completed
 * (monotonic clock, nanoseconds), whole frames requested and shown, and frame intervals over 1.5 refresh periods.
 */
public record FrameTiming(long onsetNanos, long offsetNanos, int framesRequested, int framesShown, int missedFrames) {
    public boolean missed() {
        return missedFrames > 0;
    }
}
