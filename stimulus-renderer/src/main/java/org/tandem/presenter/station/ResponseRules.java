package org.tandem.presenter.station;

import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.KeyCounterbalance;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;
import org.tandem.protocols.Timing;

/**
 * How a protocol lets people answer: a key per label and/or a click on the label's box, and what happens to presses
 * before stimulus onset and after the response window, as its {@link Timing} says.
 *
 * @param labels      the response labels in the protocol's order
 * @param keyNames    each label's key as the protocol names it, or null when it has none or keys do not answer
 * @param keys        each label's GLFW key code, -1 where {@code keyNames} has none
 * @param clicks      whether clicking a label box answers
 * @param acceptEarly {@code earlyResponses: accept}: a press before stimulus onset answers (its RT is negative)
 * @param acceptLate  {@code lateResponses: accept}: the response screen stays up after the window until an answer;
 *                    otherwise ({@code miss}) the trial is stored without an answer when the window ends
 */
public record ResponseRules(List<String> labels, List<String> keyNames, List<Integer> keys, boolean clicks,
                            boolean acceptEarly, boolean acceptLate) {

    public ResponseRules {
        labels = List.copyOf(labels);
        keyNames = java.util.Collections.unmodifiableList(new ArrayList<>(keyNames));
        keys = List.copyOf(keys);
    }

    /** The rules with keys at their US positions, as on a station whose keyboard is not known. */
    public static ResponseRules of(Protocol protocol) {
        return of(protocol, KeyboardLayout.US_POSITIONS);
    }

    /**
     * The rules at a station whose keyboard has {@code layout}: a label's key is the key printing its character there,
     * unless the protocol asks for US positions ({@code timing.keys: positions}).
     */
    public static ResponseRules of(Protocol protocol, KeyboardLayout layout) {
        return of(protocol, layout, false);
    }

    /**
     * The rules for one participant: with {@code timing.counterbalanceKeys}, a participant {@link KeyCounterbalance}
     * picks gets the labels' keys in reverse order (two labels: swapped).
     */
    public static ResponseRules forParticipant(Protocol protocol, KeyboardLayout layout, String participantCode) {
        return of(protocol, layout, KeyCounterbalance.reversed(protocol, participantCode));
    }

    private static ResponseRules of(Protocol protocol, KeyboardLayout layout, boolean reversedKeys) {
        KeyboardLayout keyboard = protocol.timing().keysByPosition() ? KeyboardLayout.US_POSITIONS : layout;
        Task task = protocol.task();
        String input = task instanceof Task.Classification c ? c.input() : "keys-and-click";
        boolean keysAnswer = !input.equals("click");
        List<String> names = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        List<Task.ResponseOption> options = task.labels();
        for (int i = 0; i < options.size(); i++) {
            Task.ResponseOption keyOwner = options.get(reversedKeys ? options.size() - 1 - i : i);
            String key = keysAnswer ? keyOwner.key() : null;
            names.add(key);
            codes.add(key == null ? -1 : KeyNames.glfwKey(key, keyboard));
        }
        Timing timing = protocol.timing();
        return new ResponseRules(task.labels().stream().map(Task.ResponseOption::label).toList(), names, codes,
                !input.equals("keys"), "accept".equals(timing.earlyResponses()), "accept".equals(timing.lateResponses()));
    }

    /** The label index a key stands for, or -1. */
    public int labelOfKey(int glfwKey) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == glfwKey) {
                return i;
            }
        }
        return -1;
    }

    /** Each label with its key, e.g. {@code happy=A sad=S}, stored with the session; {@code click} for box-only labels. */
    public String describeKeys() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            pairs.add(labels.get(i) + "=" + (keyNames.get(i) == null ? "click" : keyNames.get(i)));
        }
        return String.join(" ", pairs);
    }

    /** Box texts: each label, with its key when keys answer (e.g. {@code happy (A)}). */
    public List<String> boxTexts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            texts.add(keyNames.get(i) == null ? labels.get(i) : labels.get(i) + " (" + keyNames.get(i) + ")");
        }
        return texts;
    }
}
