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

    /**
     * @param word       the verdict in the protocol's language
     * @param answerLine the right answer in words (e.g. {@code The answer was: happy}), shown unless correct; may be null
     */
    public FeedbackScreen(Fonts fonts, int width, int height, Verdict result, String word, String answerLine) {
        colour = result.colour;
        verdict = new TextBlock(fonts.title(), word, width * 0.7f, width / 2f, height * 0.4f);
        String answer = result == Verdict.CORRECT || answerLine == null ? "" : answerLine;
        detail = new TextBlock(fonts.body(), answer, width * 0.7f, width / 2f, verdict.bottom());
    }

    /** What the feedback says, in which colour. */
    public enum Verdict {
        CORRECT(Colour.CORRECT), WRONG(Colour.WRONG), TOO_SLOW(Colour.WHITE);

        private final Colour colour;

        Verdict(Colour colour) {
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
