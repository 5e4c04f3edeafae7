package org.tandem.protocols;

import java.util.Locale;

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

        /**
         * Whole frames at a refresh rate: frames as given, or milliseconds rounded to the nearest frame. A read protocol's
         * durations fit an {@code int} of frames at any rate up to {@link ProtocolLimits#MAX_REFRESH_HZ} and far beyond;
         * a rate or a duration outside that is refused rather than wrapped around to a negative count.
         */
        public int toFrames(double refreshHz) {
            if (inFrames()) {
                return frames;
            }
            double exact = ms * refreshHz / 1000.0;
            if (!(exact >= 0 && exact <= Integer.MAX_VALUE)) {
                throw new TandemException(String.format(Locale.ROOT, "a duration of %s ms at %s Hz is no whole number of"
                        + " frames a display can show; give at most %d ms", ms, refreshHz, ProtocolLimits.MAX_MS));
            }
            return (int) Math.round(exact);
        }
    }
}
