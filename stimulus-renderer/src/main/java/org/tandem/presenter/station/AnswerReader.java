package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;
import static org.lwjgl.glfw.GLFW.GLFW_MOUSE_BUTTON_LEFT;

import java.util.List;
import org.tandem.presenter.InputEvent;
import org.tandem.presenter.InputQueue;
import org.tandem.presenter.LabelBox;
import org.tandem.presenter.LabelLayout;

/**
 * Reads a trial's input events into an answer: a label's key, or a left click on a label's box, whichever comes first;
 * Esc asks for the pause screen. Presses before the answer window opens (stimulus onset; in ABX, X's onset) count only
 * when the protocol accepts early responses; otherwise they are ignored and noted, as are keys that answer nothing.
 * One instance per trial, reused every frame without allocating.
 */
final class AnswerReader {
    /** Noted keys per trial; a participant hammering the keyboard beyond this is counted, not listed. */
    static final int MAX_NOTED = 64;
    static final String EARLY_KEY = "early-key";
    static final String OTHER_KEY = "other-key";

    private final InputQueue queue;
    private final ResponseRules rules;
    private final List<LabelBox> boxes;
    private final InputEvent event = new InputEvent();
    private final boolean[] notedEarly = new boolean[MAX_NOTED];
    private final int[] notedKeys = new int[MAX_NOTED];
    private final long[] notedNanos = new long[MAX_NOTED];
    private int noted;
    private int notedDropped;
    private long opensNanos;
    private int answer = -1;
    private long answerNanos;
    private boolean pause;

    AnswerReader(InputQueue queue, ResponseRules rules, List<LabelBox> boxes) {
        this.queue = queue;
        this.rules = rules;
        this.boxes = boxes;
    }

    /** Starts reading for a trial whose answer window opened at {@code opensNanos}. */
    void start(long opensNanos) {
        this.opensNanos = opensNanos;
        answer = -1;
        pause = false;
        noted = 0;
        notedDropped = 0;
    }

    /** Reads the pending events; true once an answer was given or a pause asked for. */
    boolean read() {
        while (answer < 0 && !pause && queue.poll(event)) {
            if (event.kind() == InputEvent.Kind.KEY && event.code() == GLFW_KEY_ESCAPE) {
                pause = true;
                continue;
            }
            boolean early = event.nanos() < opensNanos;
            int label = labelOf(event);
            if (label >= 0 && (!early || rules.acceptEarly())) {
                answer = label;
                answerNanos = event.nanos();
            } else if (event.kind() == InputEvent.Kind.KEY) {
                note(early || label >= 0, event.code(), event.nanos());
            }
        }
        return answer >= 0 || pause;
    }

    private void note(boolean early, int key, long nanos) {
        if (noted == MAX_NOTED) {
            notedDropped++;
            return;
        }
        notedEarly[noted] = early;
        notedKeys[noted] = key;
        notedNanos[noted] = nanos;
        noted++;
    }

    /** The keys read so far that did not answer: before the window opened, or answering nothing. */
    int noted() {
        return noted;
    }

    /** {@link #EARLY_KEY} or {@link #OTHER_KEY}. */
    String notedKind(int i) {
        return notedEarly[i] ? EARLY_KEY : OTHER_KEY;
    }

    int notedKey(int i) {
        return notedKeys[i];
    }

    long notedNanos(int i) {
        return notedNanos[i];
    }

    /** Keys beyond {@link #MAX_NOTED} that were not listed. */
    int notedDropped() {
        return notedDropped;
    }

    private int labelOf(InputEvent e) {
        return switch (e.kind()) {
            case KEY -> rules.labelOfKey(e.code());
            case CLICK -> rules.clicks() && e.code() == GLFW_MOUSE_BUTTON_LEFT ? LabelLayout.hit(boxes, e.x(), e.y()) : -1;
            case CHARACTER -> -1;
        };
    }

    boolean pauseAsked() {
        return pause;
    }

    /** The chosen label index, -1 when none. */
    int answer() {
        return answer;
    }

    /** When the answering event happened (callback time, the flip clock). */
    long answerNanos() {
        return answerNanos;
    }
}
