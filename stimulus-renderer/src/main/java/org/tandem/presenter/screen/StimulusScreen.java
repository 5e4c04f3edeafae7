package org.tandem.presenter.screen;

import org.tandem.presenter.Canvas;
import org.tandem.presenter.Screen;
import org.tandem.presenter.StimulusSize;
import org.tandem.presenter.Texture;

/** One stimulus image centred on the screen, at whole-pixel coordinates so native-size images are shown exactly. */
public final class StimulusScreen implements Screen {
    private final Texture texture;
    private final int x;
    private final int y;
    private final int drawnWidth;
    private final int drawnHeight;

    public StimulusScreen(Texture texture, StimulusSize size, int width, int height) {
        this.texture = texture;
        int[] drawn = size.pixels(texture.width(), texture.height());
        this.drawnWidth = drawn[0];
        this.drawnHeight = drawn[1];
        this.x = (width - drawnWidth) / 2;
        this.y = (height - drawnHeight) / 2;
    }

    /** Left edge on the canvas. */
    public int x() {
        return x;
    }

    /** Top edge on the canvas. */
    public int y() {
        return y;
    }

    public int drawnWidth() {
        return drawnWidth;
    }

    public int drawnHeight() {
        return drawnHeight;
    }

    @Override
    public void draw(Canvas canvas) {
        canvas.drawImage(texture, x, y, drawnWidth, drawnHeight);
    }
}
