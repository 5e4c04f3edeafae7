package org.tandem.presenter;

import org.tandem.presenter.screen.Screens;

/** A real window, canvas and fonts for tests: X11 under a display (Xvfb in CI), headless EGL without one. */
final class GlStage implements AutoCloseable {
    final GlWindow window;
    final Canvas canvas;
    final Fonts fonts;
    final Screens screens;

    GlStage(int width, int height) {
        window = GlWindow.open(WindowSettings.windowed(width, height));
        canvas = new Canvas(window.width(), window.height());
        fonts = Fonts.forScreenHeight(window.height());
        screens = new Screens(fonts, window.width(), window.height());
    }

    /** Draws a screen into the back buffer and reads it back before the swap. */
    org.tandem.protocols.observer.Raster capture(Screen screen) {
        canvas.clear(Colour.BACKGROUND);
        screen.draw(canvas);
        org.tandem.protocols.observer.Raster shot = Screenshot.of(canvas);
        window.flip();
        return shot;
    }

    @Override
    public void close() {
        fonts.close();
        canvas.close();
        window.close();
    }
}
