package org.tandem.presenter.station;

import org.tandem.presenter.Screen;

/**
 * Told when a screen that waits for the participant is up (after its first flip): {@code participant-code},
 * {@code instructions}, {@code block}, {@code break}, {@code response}, {@code feedback}, {@code pause}, {@code end}.
 * The terminal, a test robot or a screenshot taker listen here; it runs on the render thread, so it must be quick.
 */
@FunctionalInterface
public interface ScreenWatcher {
    ScreenWatcher NONE = (name, trialIndex, screen, flipNanos) -> { };

    /**
     * @param trialIndex the plan index of the trial the screen belongs to, -1 outside trials
     * @param flipNanos  the screen's first flip timestamp ({@link System#nanoTime()})
     */
    void shown(String name, int trialIndex, Screen screen, long flipNanos);

    /** Both watchers, this one first. */
    default ScreenWatcher and(ScreenWatcher other) {
        return (name, trialIndex, screen, flipNanos) -> {
            shown(name, trialIndex, screen, flipNanos);
            other.shown(name, trialIndex, screen, flipNanos);
        };
    }
}
