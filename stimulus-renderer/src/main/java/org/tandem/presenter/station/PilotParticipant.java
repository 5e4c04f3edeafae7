package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_SPACE;
import static org.lwjgl.glfw.GLFW.GLFW_MOUSE_BUTTON_LEFT;

import java.util.Locale;
import org.tandem.presenter.InputEvent;
import org.tandem.presenter.InputQueue;
import org.tandem.presenter.LabelBox;
import org.tandem.presenter.Screen;
import org.tandem.presenter.screen.ResponseScreen;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.SplitMix64;
import org.tandem.protocols.plan.TrialPlan;

/**
 * A simulated participant for a pilot run ({@code tandem run --pilot}): the station runs at full timing and this
 * watcher answers each waiting screen through the input queue, as a person would, so the protocol, its timing and
 * its data can be checked before anyone is tested. Space leaves instruction, break and end screens after
 * {@link #READ_MS}; on the response screen it presses the label's key (or clicks its box when keys do not answer)
 * after a response time drawn uniformly from {@link #MIN_RT_MS}-{@link #MAX_RT_MS} by a seeded generator. The label is
 * the trial's correct answer ({@code correct}) or one drawn at random ({@code random}).
 */
public final class PilotParticipant implements ScreenWatcher {
    public static final String CORRECT = "correct";
    public static final String RANDOM = "random";
    static final double READ_MS = 300;
    static final double MIN_RT_MS = 350;
    static final double MAX_RT_MS = 900;

    private final InputQueue input;
    private final TrialPlan plan;
    private final ResponseRules rules;
    private final boolean random;
    private final SplitMix64 rng;

    /**
     * @throws TandemException for answers other than {@link #CORRECT} or {@link #RANDOM}
     */
    public PilotParticipant(InputQueue input, TrialPlan plan, ResponseRules rules, String answers, long seed) {
        if (!CORRECT.equals(answers) && !RANDOM.equals(answers)) {
            throw new TandemException("--pilot " + answers + ": a pilot answers 'correct' (each trial's correct answer)"
                    + " or 'random'");
        }
        this.input = input;
        this.plan = plan;
        this.rules = rules;
        this.random = RANDOM.equals(answers);
        this.rng = new SplitMix64(seed);
    }

    @Override
    public void shown(String name, int trialIndex, Screen screen, long flipNanos) {
        switch (name) {
            case "response" -> answer(trialIndex, (ResponseScreen) screen, flipNanos);
            case "feedback", "pause" -> {
            }
            default -> input.schedule(InputEvent.Kind.KEY, GLFW_KEY_SPACE, 0, 0, flipNanos + millis(READ_MS));
        }
    }

    private void answer(int trialIndex, ResponseScreen screen, long flipNanos) {
        int label = random ? -1 : rules.labels().indexOf(plan.trial(trialIndex).correctAnswer());
        if (label < 0) {
            label = rng.nextInt(rules.labels().size()); // random answers, or a trial without a correct one
        }
        double rtMs = MIN_RT_MS + (MAX_RT_MS - MIN_RT_MS) * rng.nextInt(1_000_000) / 1e6;
        long at = flipNanos + millis(rtMs);
        int key = rules.keys().get(label);
        if (key >= 0) {
            input.schedule(InputEvent.Kind.KEY, key, 0, 0, at);
        } else {
            LabelBox box = screen.boxes().get(label);
            input.schedule(InputEvent.Kind.CLICK, GLFW_MOUSE_BUTTON_LEFT, box.x() + box.width() / 2.0,
                    box.y() + box.height() / 2.0, at);
        }
    }

    private static long millis(double ms) {
        return Math.round(ms * 1e6);
    }

    /** E.g. {@code correct answers, RT 350-900 ms}, stored with the session. */
    public String describe() {
        return String.format(Locale.ROOT, "%s answers, RT %.0f-%.0f ms after the response screen",
                random ? RANDOM : CORRECT, MIN_RT_MS, MAX_RT_MS);
    }
}
