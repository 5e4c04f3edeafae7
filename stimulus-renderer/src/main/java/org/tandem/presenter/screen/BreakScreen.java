package org.tandem.presenter.screen;

import org.tandem.presenter.Canvas;
import org.tandem.presenter.Colour;
import org.tandem.presenter.Fonts;

/** A rest break: how far the session has come, in words and as a progress bar. */
public final class BreakScreen extends MessageScreen {
    private final int barX;
    private final int barY;
    private final int barWidth;
    private final int barHeight;
    private final int filled;

    public BreakScreen(Fonts fonts, int width, int height, String title, String text, int trialsDone, int trialsTotal,
                       String hint) {
        super(fonts, width, height, title, text, hint);
        barWidth = Math.round(width * 0.5f);
        barHeight = Math.max(8, Math.round(fonts.body().pixelHeight() * 0.8f));
        barX = (width - barWidth) / 2;
        barY = Math.round(bodyBottom() + fonts.body().lineHeight());
        filled = Math.round((float) barWidth * trialsDone / trialsTotal);
    }

    @Override
    public void draw(Canvas canvas) {
        super.draw(canvas);
        canvas.fillRect(barX, barY, barWidth, barHeight, Colour.BOX);
        canvas.fillRect(barX, barY, filled, barHeight, Colour.WHITE);
    }
}
