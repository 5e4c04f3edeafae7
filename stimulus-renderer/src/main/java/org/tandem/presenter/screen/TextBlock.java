package org.tandem.presenter.screen;

import java.util.List;
import org.tandem.presenter.Canvas;
import org.tandem.presenter.Colour;
import org.tandem.presenter.FontAtlas;
import org.tandem.presenter.TextLayout;

/** Wrapped lines of text, laid out once and drawn centred line by line from a top edge. */
final class TextBlock {
    private final FontAtlas font;
    private final List<String> lines;
    private final float centreX;
    private final float top;

    TextBlock(FontAtlas font, String text, float maxWidth, float centreX, float top) {
        this.font = font;
        this.lines = TextLayout.wrap(text, maxWidth, font::width);
        this.centreX = centreX;
        this.top = top;
    }

    /** The y just below the last line. */
    float bottom() {
        return top + lines.size() * font.lineHeight();
    }

    void draw(Canvas canvas, Colour colour) {
        for (int i = 0; i < lines.size(); i++) {
            font.drawCentred(canvas, lines.get(i), centreX, top + font.ascent() + i * font.lineHeight(), colour);
        }
    }
}
