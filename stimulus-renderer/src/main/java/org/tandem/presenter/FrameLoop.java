package org.tandem.presenter;

import java.util.List;
import org.tandem.presenter.triggers.Triggers;
import org.tandem.protocols.observer.FrameTiming;

/**
 * The steady-state frame loop: every frame polls input, draws a screen, swaps and records the flip timestamp in a
 * preallocated log. Nothing here allocates per frame; a trial's {@link FrameTiming} is computed once its stimulus has
 * been replaced.
 */
public final class FrameLoop {
    /** The most steps one stimulus sequence may have: far more than A, ISI, B, ISI, X. */
    public static final int MAX_STEPS = 32;
    private final GlWindow window;
    private final Canvas canvas;
    private final double periodNs;
    private final long[] flips;
    /** Where each step of the latest {@link #present} sequence started in the log, then its offset index. */
    private final int[] stepStarts = new int[MAX_STEPS + 1];
    private int stepCount;
    private int count;
    private long lastWorkNanos;
    private Triggers triggers = Triggers.NONE;
    private int pendingTrigger;
    private PhotodiodeMarker marker;
    private boolean markerLit;
    /** Whether each logged flip showed the marker lit, beside {@link #flips}. */
    private final boolean[] litFlips;

    /**
     * @param periodNs the refresh period measured by the {@link RefreshCheck}
     * @param capacity the most flips one trial records (the log is reset per trial)
     */
    public FrameLoop(GlWindow window, Canvas canvas, double periodNs, int capacity) {
        this.window = window;
        this.canvas = canvas;
        this.periodNs = periodNs;
        this.flips = new long[capacity];
        this.litFlips = new boolean[capacity];
    }

    /** Draws {@code marker} on every frame from now on, lit on the frames of stimulus images (null: none). */
    public void usePhotodiode(PhotodiodeMarker marker) {
        this.marker = marker;
    }

    /** Whether the flip at a log index showed the photodiode marker lit. */
    public boolean markerLit(int index) {
        return litFlips[index];
    }

    /** Where {@link #triggerAfterNextFlip} sends its codes (default: nowhere). */
    public void useTriggers(Triggers triggers) {
        this.triggers = triggers;
    }

    public Triggers triggers() {
        return triggers;
    }

    /** Sends {@code code} on the trigger port right after the next flip: the flip that starts the event. */
    public void triggerAfterNextFlip(int code) {
        pendingTrigger = code;
    }

    /** Forgets the flips of the previous trial. */
    public void reset() {
        count = 0;
    }

    /**
     * Shows a screen for {@code frames} frames.
     *
     * @return the index of its first flip in the log
     */
    public int show(Screen screen, int frames) {
        int first = count;
        for (int i = 0; i < frames; i++) {
            frame(screen);
        }
        return first;
    }

    /**
     * Shows a screen until {@code done} says so (checked after each flip, with input delivered) or {@code maxFrames}
     * have passed; 0 means no limit.
     *
     * @return the index of its first flip in the log
     */
    public int showUntil(Screen screen, Condition done, int maxFrames) {
        int first = count;
        int shown = 0;
        do {
            long flip = frame(screen);
            shown++;
            if (done.reached(flip)) {
                break;
            }
        } while (maxFrames == 0 || shown < maxFrames);
        return first;
    }

    /**
     * Shows the steps of a stimulus sequence (e.g. A, ISI, B, ISI, X), then the first frame of {@code after}, whose
     * flip is the offset.
     *
     * @return onset, offset, the frames requested (the sum of the steps) and the frames shown
     */
    public FrameTiming present(List<Step> steps, Screen after) {
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("a stimulus sequence has at most " + MAX_STEPS + " steps, got " + steps.size());
        }
        int onset = count;
        int requested = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            markerLit = step.image();
            stepStarts[i] = show(step.screen(), step.frames());
            requested += step.frames();
        }
        markerLit = false;
        int offset = count;
        stepStarts[steps.size()] = offset;
        stepCount = steps.size();
        frame(after);
        return FrameAccounting.timing(flips, onset, offset, requested, periodNs);
    }

    /**
     * The log index of the first flip of step {@code i} of the latest {@link #present} sequence; {@code i} = the
     * number of steps gives the offset (the first flip after the sequence).
     */
    public int stepStart(int i) {
        if (i < 0 || i > stepCount) {
            throw new IndexOutOfBoundsException("step " + i + " of a sequence of " + stepCount);
        }
        return stepStarts[i];
    }

    /** The flip timestamp (ns, {@link System#nanoTime()}) at a log index. */
    public long flip(int index) {
        return flips[index];
    }

    /** The flip log itself, for measuring stretches of it after a sequence; valid up to {@link #flips()}. */
    long[] flipLog() {
        return flips;
    }

    /** The number of flips in the log. */
    public int flips() {
        return count;
    }

    /** Frame intervals over 1.5 refresh periods among all flips in the log. */
    public int missedFrames() {
        return FrameAccounting.missedFrames(flips, count, periodNs);
    }

    public double periodNs() {
        return periodNs;
    }

    /** How long the latest frame's work took: input, drawing and submitting, up to the swap (ns). */
    public long lastWorkNanos() {
        return lastWorkNanos;
    }

    private long frame(Screen screen) {
        long start = System.nanoTime();
        window.pollEvents();
        canvas.clear(Colour.BACKGROUND);
        screen.draw(canvas);
        if (marker != null) {
            marker.draw(canvas, markerLit);
        }
        canvas.flush();
        lastWorkNanos = System.nanoTime() - start;
        long flip = window.flip();
        if (count == flips.length) {
            throw new IllegalStateException("the frame log holds " + flips.length
                    + " flips per trial; reset it between trials or make it larger");
        }
        litFlips[count] = markerLit && marker != null;
        flips[count++] = flip;
        if (pendingTrigger != 0) {
            int code = pendingTrigger;
            pendingTrigger = 0;
            triggers.send(code);
        }
        return flip;
    }

    /**
     * One screen of a stimulus sequence and how many frames it stays up.
     *
     * @param name what the step shows, for its timing record: a stimulus role ({@code S}, {@code A}, {@code B},
     *             {@code X}) or {@code isi}
     */
    public record Step(String name, Screen screen, int frames) {
        /** The name of a blank between the images of a sequence. */
        public static final String ISI = "isi";

        public Step {
            if (frames < 0) {
                throw new IllegalArgumentException("a step lasts 0 or more frames, got " + frames);
            }
        }

        public Step(Screen screen, int frames) {
            this("step", screen, frames);
        }

        /** Whether the step shows a stimulus image (not a blank between images). */
        public boolean image() {
            return !name.equals(ISI);
        }
    }

    /** When to leave a screen shown with {@link #showUntil}; takes the latest flip timestamp. */
    @FunctionalInterface
    public interface Condition {
        boolean reached(long lastFlipNanos);
    }
}
