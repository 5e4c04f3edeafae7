package org.tandem.presenter.screen;

import org.tandem.presenter.Canvas;
import org.tandem.presenter.Colour;
import org.tandem.presenter.Fonts;
import org.tandem.presenter.Screen;

/** Practice feedback: "Correct" in green, or "Wrong" in red with the right answer below. */
public final class FeedbackScreen implements Screen {
    private final TextBlock verdict;
    private final TextBlock detail;
    private final Colour colour;

    public FeedbackScreen(Fonts fonts, int width, int height, boolean correct, String correctAnswer) {
        colour = correct ? Colour.CORRECT : Colour.WRONG;
        verdict = new TextBlock(fonts.title(), correct ? "Correct" : "Wrong", width * 0.7f, width / 2f, height * 0.4f);
        String answer = correct || correctAnswer == null ? "" : "The answer was: " + correctAnswer;
        detail = new TextBlock(fonts.body(), answer, width * 0.7f, width / 2f, verdict.bottom());
    }

    @Override
    public void draw(Canvas canvas) {
        verdict.draw(canvas, colour);
        detail.draw(canvas, Colour.WHITE);
    }
}
