package org.tandem.protocols;

/**
 * Durations of each screen of a trial. Each is given in milliseconds or in frames; the presenter turns milliseconds into
 * whole frames at the measured refresh rate. A missing {@code responseWindow} waits for the response indefinitely.
 * {@code earlyResponses}: {@code ignore} (default) or {@code accept} key presses before stimulus onset;
 * {@code lateResponses}: {@code miss} (default: recorded with no answer) or {@code accept}.
 */
public record Timing(Duration fixation, Duration stimulus, Duration isi, Duration mask, Duration responseWindow,
                     Duration iti, String earlyResponses, String lateResponses) {

    public Timing {
        earlyResponses = earlyResponses == null ? "ignore" : earlyResponses;
        lateResponses = lateResponses == null ? "miss" : lateResponses;
    }

    /** A duration in milliseconds or in frames (exactly one of them). */
    public record Duration(Double ms, Integer frames) {
        public static Duration ofMs(double ms) {
            return new Duration(ms, null);
        }

        public boolean inFrames() {
            return frames != null;
        }

        /** Whole frames at a refresh rate: frames as given, or milliseconds rounded to the nearest frame. */
        public int toFrames(double refreshHz) {
            return inFrames() ? frames : (int) Math.round(ms * refreshHz / 1000.0);
        }
    }
}
