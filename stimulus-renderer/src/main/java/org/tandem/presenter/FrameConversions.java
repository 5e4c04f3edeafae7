package org.tandem.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Timing;

/** Converts a protocol's {@link Timing} into whole frames at the measured refresh rate. */
public final class FrameConversions {
    private FrameConversions() {
    }

    /**
     * Every duration the protocol gives, in the protocol's order; absent durations are left out.
     *
     * @throws TandemException when a non-zero duration in milliseconds is shorter than half a frame, so it would not be
     *                         shown at all
     */
    public static List<FrameConversion> of(Timing timing, double refreshHz) {
        List<FrameConversion> out = new ArrayList<>();
        add(out, "fixation", timing.fixation(), refreshHz);
        add(out, "stimulus", timing.stimulus(), refreshHz);
        add(out, "isi", timing.isi(), refreshHz);
        add(out, "mask", timing.mask(), refreshHz);
        add(out, "responseWindow", timing.responseWindow(), refreshHz);
        add(out, "iti", timing.iti(), refreshHz);
        return List.copyOf(out);
    }

    /** The frames of one named duration, or 0 when the protocol leaves it out. */
    public static int frames(List<FrameConversion> conversions, String screen) {
        return conversions.stream().filter(c -> c.screen().equals(screen)).mapToInt(FrameConversion::frames)
                .findFirst().orElse(0);
    }

    private static void add(List<FrameConversion> out, String screen, Timing.Duration duration, double refreshHz) {
        if (duration == null) {
            return;
        }
        int frames = duration.toFrames(refreshHz);
        if (frames == 0 && !duration.inFrames() && duration.ms() > 0) {
            throw new TandemException(String.format(Locale.ROOT, "timing.%s: %s ms is shorter than half a frame at the"
                    + " measured %.2f Hz (%.2f ms per frame), so it would not be shown; give at least one frame", screen,
                    duration.ms(), refreshHz, 1000.0 / refreshHz));
        }
        out.add(new FrameConversion(screen, duration.inFrames() ? null : duration.ms(),
                duration.inFrames() ? duration.frames() : null, frames, refreshHz));
    }
}
