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

    private final Fonts fonts;
    private final int width;
    private final int height;
    private final int fixationArmPx;
    private final StationTexts texts;

    public Screens(Fonts fonts, int width, int height) {
        this(fonts, width, height, 0, StationTexts.ENGLISH);
    }

    /**
     * @param fixationArmPx half the fixation cross's size in pixels; 0: about 1/40 of the screen height
     * @param texts         what the screens say
     */
    public Screens(Fonts fonts, int width, int height, int fixationArmPx, StationTexts texts) {
        this.fonts = fonts;
        this.width = width;
        this.height = height;
        this.fixationArmPx = fixationArmPx;
        this.texts = texts;
    }

    public StationTexts texts() {
        return texts;
    }

    public ParticipantCodeScreen participantCode() {
        return new ParticipantCodeScreen(fonts, width, height);
    }

    public Screen instructions(String title, String text) {
        return new MessageScreen(fonts, width, height, title, text, texts.continueHint());
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
        return feedback(correct ? FeedbackScreen.Verdict.CORRECT : FeedbackScreen.Verdict.WRONG, correctAnswer);
    }

    public Screen feedback(FeedbackScreen.Verdict verdict, String correctAnswer) {
        String word = switch (verdict) {
            case CORRECT -> texts.correct();
            case WRONG -> texts.wrong();
            case TOO_SLOW -> texts.tooSlow();
        };
        return new FeedbackScreen(fonts, width, height, verdict, word, correctAnswer == null ? null
                : texts.answerWas() + " " + correctAnswer);
    }

    public Screen rest(int trialsDone, int trialsTotal) {
        return new BreakScreen(fonts, width, height, texts.breakTitle(), texts.breakText(trialsDone, trialsTotal),
                trialsDone, trialsTotal, texts.continueHint());
    }

    /** Shown when the participant presses Esc: resume, or stop with every answered trial kept. */
    public Screen pause() {
        return new MessageScreen(fonts, width, height, texts.pauseTitle(), texts.pauseText(), texts.pauseHint());
    }

    /** The end screen with the protocol's end text. */
    public Screen end() {
        return new MessageScreen(fonts, width, height, texts.endTitle(), texts.endText(), texts.endHint());
    }

    public Screen end(String text) {
        return new MessageScreen(fonts, width, height, texts.endTitle(), text, texts.endHint());
    }
}
