package org.tandem.presenter.screen;

import org.tandem.presenter.Canvas;
import org.tandem.presenter.Colour;
import org.tandem.presenter.FontAtlas;
import org.tandem.presenter.Fonts;
import org.tandem.presenter.Screen;

/**
 * Asks for the participant code and shows it as it is typed, in an entry box with a caret. Keys are fed in with
 * {@link #type} and {@link #backspace}; the text lives in one reused builder, so drawing allocates nothing.
 */
public final class ParticipantCodeScreen implements Screen {
    /** Codes are short pseudonyms; longer input is ignored. */
    public static final int MAX_LENGTH = 32;

    private final TextBlock prompt;
    private final FontAtlas font;
    private final StringBuilder code = new StringBuilder(MAX_LENGTH);
    private final int boxX;
    private final int boxY;
    private final int boxWidth;
    private final int boxHeight;

    public ParticipantCodeScreen(Fonts fonts, int width, int height) {
        font = fonts.body();
        prompt = new TextBlock(fonts.body(), "Please type your participant code, then press Enter.", width * 0.7f,
                width / 2f, height * 0.3f);
        boxWidth = Math.round(width * 0.4f);
        boxHeight = Math.round(font.lineHeight() * 1.6f);
        boxX = (width - boxWidth) / 2;
        boxY = Math.round(prompt.bottom() + font.lineHeight());
    }

    /**
     * Appends a typed character: letters, digits, '-' and '_' only, the characters a code may hold, and no '-' first (a
     * code starting with '-' could run as a formula where an exported CSV is opened in a spreadsheet).
     */
    public void type(char c) {
        boolean allowed = Character.isLetterOrDigit(c) || c == '_' || (c == '-' && !code.isEmpty());
        if (code.length() < MAX_LENGTH && allowed && c < 128) {
            code.append(c);
        }
    }

    public void backspace() {
        if (!code.isEmpty()) {
            code.setLength(code.length() - 1);
        }
    }

    /** The code typed so far. */
    public String code() {
        return code.toString();
    }

    @Override
    public void draw(Canvas canvas) {
        prompt.draw(canvas, Colour.WHITE);
        canvas.fillRect(boxX, boxY, boxWidth, boxHeight, Colour.WHITE);
        float textX = boxX + font.lineHeight() * 0.4f;
        float baseline = boxY + (boxHeight - font.lineHeight()) / 2f + font.ascent();
        font.draw(canvas, code, textX, baseline, Colour.BLACK);
        float caretX = textX + font.width(code) + 2;
        canvas.fillRect(caretX, boxY + boxHeight * 0.2f, 2, boxHeight * 0.6f, Colour.BLACK);
    }
}
