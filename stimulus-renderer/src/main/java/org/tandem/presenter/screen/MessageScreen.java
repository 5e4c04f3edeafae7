package org.tandem.presenter.screen;

import org.tandem.presenter.Canvas;
import org.tandem.presenter.Colour;
import org.tandem.presenter.Fonts;
import org.tandem.presenter.Screen;

/** A titled page of wrapped text with a hint line at the bottom: instructions, breaks and the end screen. */
public class MessageScreen implements Screen {
    private final TextBlock title;
    private final TextBlock body;
    private final TextBlock hint;

    public MessageScreen(Fonts fonts, int width, int height, String title, String body, String hint) {
        float textWidth = width * 0.7f;
        this.title = new TextBlock(fonts.title(), title, textWidth, width / 2f, height * 0.15f);
        this.body = new TextBlock(fonts.body(), body, textWidth, width / 2f, this.title.bottom() + fonts.body().lineHeight());
        this.hint = new TextBlock(fonts.small(), hint, textWidth, width / 2f, height * 0.88f);
    }

    /** The y just below the body text, where subclasses may add more. */
    protected float bodyBottom() {
        return body.bottom();
    }

    @Override
    public void draw(Canvas canvas) {
        title.draw(canvas, Colour.WHITE);
        body.draw(canvas, Colour.WHITE);
        hint.draw(canvas, Colour.WHITE);
    }
}
