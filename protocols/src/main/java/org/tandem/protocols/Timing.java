package org.tandem.protocols;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * Durations of each screen of a trial. Each is given in milliseconds or in frames; the presenter turns milliseconds into
 * whole frames at the measured refresh rate. A missing {@code responseWindow} waits for the response indefinitely.
 * {@code earlyResponses}: {@code ignore} (default) or {@code accept} key presses before stimulus onset;
 * {@code lateResponses}: {@code miss} (default: recorded with no answer) or {@code accept}.
 * {@code answerFrom} (ABX only): {@code x-onset} (default: the answer window opens when X appears) or {@code b-offset}
 * (any time after B). {@code keys}: {@code characters} (default: a label's key is the key printed with that character in
 * the keyboard's active layout) or {@code positions} (the key at that character's place on a US keyboard, whatever the
 * layout). {@code counterbalanceKeys}: the labels' keys are given in reverse order to half of the participants, chosen
 * by their code ({@link KeyCounterbalance}). All three are left out of the JSON, and so of the protocol's hash, when not
 * given.
 */
public record Timing(Duration fixation, Duration stimulus, Duration isi, Duration mask, Duration responseWindow,
                     Duration iti, String earlyResponses, String lateResponses,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String answerFrom,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String keys,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Boolean counterbalanceKeys) {
    public static final String X_ONSET = "x-onset";
    public static final String B_OFFSET = "b-offset";
    public static final String KEYS_BY_CHARACTER = "characters";
    public static final String KEYS_BY_POSITION = "positions";

    public Timing {
        earlyResponses = earlyResponses == null ? "ignore" : earlyResponses;
        lateResponses = lateResponses == null ? "miss" : lateResponses;
    }

    public Timing(Duration fixation, Duration stimulus, Duration isi, Duration mask, Duration responseWindow,
                  Duration iti, String earlyResponses, String lateResponses) {
        this(fixation, stimulus, isi, mask, responseWindow, iti, earlyResponses, lateResponses, null, null, null);
    }

    /** When an ABX trial's answer window opens: {@link #X_ONSET} unless the protocol says {@link #B_OFFSET}. */
    public String abxAnswerFrom() {
        return answerFrom == null ? X_ONSET : answerFrom;
    }

    /** Whether half of the participants get the labels' keys in reverse order. */
    public boolean keysCounterbalanced() {
        return Boolean.TRUE.equals(counterbalanceKeys);
    }

    /** Whether label keys are positions on a US keyboard rather than the characters printed on the keys. */
    public boolean keysByPosition() {
        return KEYS_BY_POSITION.equals(keys);
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
