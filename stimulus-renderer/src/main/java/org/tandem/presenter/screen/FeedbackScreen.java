package org.tandem.presenter.screen;

import org.tandem.presenter.Canvas;
import org.tandem.presenter.Colour;
import org.tandem.presenter.Fonts;
import org.tandem.presenter.Screen;

/**
 * Practice feedback: "Correct" in light green, "Wrong" in dark red with the right answer below, or "Too slow" in white
 * with the right answer when no answer came in the response window. Each colour stands out from the grey background by
 * at least 3:1 in luminance, so the verdict does not rest on telling red from green.
 */
public final class FeedbackScreen implements Screen {
    private final TextBlock verdict;
    private final TextBlock detail;
    private final Colour colour;

    public FeedbackScreen(Fonts fonts, int width, int height, boolean correct, String correctAnswer) {
        this(fonts, width, height, correct ? Verdict.CORRECT : Verdict.WRONG, correctAnswer);
    }

    public FeedbackScreen(Fonts fonts, int width, int height, Verdict result, String correctAnswer) {
        colour = result.colour;
        verdict = new TextBlock(fonts.title(), result.word, width * 0.7f, width / 2f, height * 0.4f);
        String answer = result == Verdict.CORRECT || correctAnswer == null ? "" : "The answer was: " + correctAnswer;
        detail = new TextBlock(fonts.body(), answer, width * 0.7f, width / 2f, verdict.bottom());
    }

    /** What the feedback says, in which colour. */
    public enum Verdict {
        CORRECT("Correct", Colour.CORRECT), WRONG("Wrong", Colour.WRONG), TOO_SLOW("Too slow", Colour.WHITE);

        private final String word;
        private final Colour colour;

        Verdict(String word, Colour colour) {
            this.word = word;
            this.colour = colour;
        }

        public Colour colour() {
            return colour;
        }
    }

    @Override
    public void draw(Canvas canvas) {
        verdict.draw(canvas, colour);
        detail.draw(canvas, Colour.WHITE);
    }
}
