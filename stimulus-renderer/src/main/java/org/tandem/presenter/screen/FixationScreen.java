package org.tandem.presenter.screen;

import org.tandem.presenter.Canvas;
import org.tandem.presenter.Colour;
import org.tandem.presenter.Screen;

/** A fixation cross at the centre of the screen, where the stimulus will appear. */
public final class FixationScreen implements Screen {
    private final int centreX;
    private final int centreY;
    private final int arm;
    private final int thickness;

    public FixationScreen(int width, int height, int armPx, int thicknessPx) {
        this.centreX = width / 2;
        this.centreY = height / 2;
        this.arm = armPx;
        this.thickness = thicknessPx;
    }

    @Override
    public void draw(Canvas canvas) {
        int half = thickness / 2;
        canvas.fillRect(centreX - arm, centreY - half, 2 * arm, thickness, Colour.BLACK);
        canvas.fillRect(centreX - half, centreY - arm, thickness, 2 * arm, Colour.BLACK);
    }
}
