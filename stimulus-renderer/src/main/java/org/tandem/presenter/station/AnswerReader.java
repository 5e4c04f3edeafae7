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
 * Esc asks for the pause screen. Presses before stimulus onset count only when the protocol accepts early responses.
 * One instance per trial, reused every frame without allocating.
 */
final class AnswerReader {
    private final InputQueue queue;
    private final ResponseRules rules;
    private final List<LabelBox> boxes;
    private final InputEvent event = new InputEvent();
    private long onsetNanos;
    private int answer = -1;
    private long answerNanos;
    private boolean pause;

    AnswerReader(InputQueue queue, ResponseRules rules, List<LabelBox> boxes) {
        this.queue = queue;
        this.rules = rules;
        this.boxes = boxes;
    }

    /** Starts reading for a trial whose stimulus appeared at {@code onsetNanos}. */
    void start(long onsetNanos) {
        this.onsetNanos = onsetNanos;
        answer = -1;
        pause = false;
    }

    /** Reads the pending events; true once an answer was given or a pause asked for. */
    boolean read() {
        while (answer < 0 && !pause && queue.poll(event)) {
            if (event.kind() == InputEvent.Kind.KEY && event.code() == GLFW_KEY_ESCAPE) {
                pause = true;
            } else if (event.nanos() >= onsetNanos || rules.acceptEarly()) {
                int label = labelOf(event);
                if (label >= 0) {
                    answer = label;
                    answerNanos = event.nanos();
                }
            }
        }
        return answer >= 0 || pause;
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
