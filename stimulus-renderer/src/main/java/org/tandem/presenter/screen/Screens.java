package org.tandem.presenter.screen;

import java.util.List;
import org.tandem.presenter.Fonts;
import org.tandem.presenter.Screen;
import org.tandem.presenter.StimulusSize;
import org.tandem.presenter.Texture;

/** Makes every screen of a session for one canvas size and set of fonts. */
public final class Screens {
    /** Between screens of a stimulus sequence (ISI) and between trials: the background alone. */
    public static final Screen BLANK = canvas -> { };
    private static final String CONTINUE = "Press the space bar to continue.";

    private final Fonts fonts;
    private final int width;
    private final int height;
    private final int fixationArmPx;

    public Screens(Fonts fonts, int width, int height) {
        this(fonts, width, height, 0);
    }

    /** @param fixationArmPx half the fixation cross's size in pixels; 0: about 1/40 of the screen height */
    public Screens(Fonts fonts, int width, int height, int fixationArmPx) {
        this.fonts = fonts;
        this.width = width;
        this.height = height;
        this.fixationArmPx = fixationArmPx;
    }

    public ParticipantCodeScreen participantCode() {
        return new ParticipantCodeScreen(fonts, width, height);
    }

    public Screen instructions(String title, String text) {
        return new MessageScreen(fonts, width, height, title, text, CONTINUE);
    }

    /** A cross about 1/40 of the screen height across each arm, so it stays small next to the stimulus. */
    public Screen fixation() {
        int arm = fixationArmPx > 0 ? fixationArmPx : Math.max(6, height / 40);
        return new FixationScreen(width, height, arm, Math.max(2, arm / 5));
    }

    public StimulusScreen stimulus(Texture texture, StimulusSize size) {
        return new StimulusScreen(texture, size, width, height);
    }

    public ResponseScreen response(String prompt, List<String> labels) {
        return new ResponseScreen(fonts, width, height, prompt, labels);
    }

    public Screen feedback(boolean correct, String correctAnswer) {
        return new FeedbackScreen(fonts, width, height, correct, correctAnswer);
    }

    public Screen feedback(FeedbackScreen.Verdict verdict, String correctAnswer) {
        return new FeedbackScreen(fonts, width, height, verdict, correctAnswer);
    }

    public Screen rest(int trialsDone, int trialsTotal) {
        return new BreakScreen(fonts, width, height, trialsDone, trialsTotal, CONTINUE);
    }

    /** Shown when the participant presses Esc: resume, or stop with every answered trial kept. */
    public Screen pause() {
        return new MessageScreen(fonts, width, height, "Paused", "Press R to resume where you left off.\n"
                + "Press Q to stop the session; every answer given so far is kept and the session can be resumed later.",
                "The session is paused.");
    }

    public Screen end(String text) {
        return new MessageScreen(fonts, width, height, "Thank you", text, "Press the space bar to close.");
    }
}
