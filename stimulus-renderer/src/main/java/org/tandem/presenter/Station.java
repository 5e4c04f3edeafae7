package org.tandem.presenter;

import org.tandem.presenter.screen.Screens;

/**
 * Everything a human session draws with, opened in the order it needs: window and context, canvas, fonts, the refresh
 * check (refusing unstable timing unless allowed), then the frame loop at the measured period, the input queue and the
 * block texture cache. Closing releases them in reverse.
 *
 * @param refreshCheck the check to store with the session, stable or not
 */
public record Station(GlWindow window, Canvas canvas, Fonts fonts, Screens screens, RefreshCheck refreshCheck,
                      FrameLoop loop, InputQueue input, StimulusTextures textures) implements AutoCloseable {
    /** Frame intervals the refresh check measures: a few seconds at common refresh rates. */
    public static final int REFRESH_CHECK_INTERVALS = 300;
    /** The most flips one trial may log: over a minute at 144 Hz. */
    public static final int FLIPS_PER_TRIAL = 10_000;
    private static final int INPUT_CAPACITY = 256;

    /**
     * @throws org.tandem.protocols.TandemException when the window cannot be opened, or the refresh check fails and
     *                                              {@code allowUnstableTiming} is false
     */
    public static Station open(WindowSettings settings, boolean allowUnstableTiming) {
        GlWindow window = GlWindow.open(settings);
        Canvas canvas = null;
        Fonts fonts = null;
        try {
            canvas = new Canvas(window.width(), window.height());
            fonts = Fonts.forScreenHeight(window.height());
            RefreshCheck check = RefreshCheck.measure(window, canvas, REFRESH_CHECK_INTERVALS)
                    .requireStable(allowUnstableTiming);
            InputQueue input = new InputQueue(INPUT_CAPACITY);
            window.sendInputTo(input);
            return new Station(window, canvas, fonts, new Screens(fonts, window.width(), window.height()), check,
                    new FrameLoop(window, canvas, check.periodNs(), FLIPS_PER_TRIAL), input, new StimulusTextures());
        } catch (RuntimeException e) {
            if (fonts != null) {
                fonts.close();
            }
            if (canvas != null) {
                canvas.close();
            }
            window.close();
            throw e;
        }
    }

    /** The measured refresh rate every duration is converted at. */
    public double refreshHz() {
        return refreshCheck.measuredHz();
    }

    @Override
    public void close() {
        textures.close();
        fonts.close();
        canvas.close();
        window.close();
    }
}
