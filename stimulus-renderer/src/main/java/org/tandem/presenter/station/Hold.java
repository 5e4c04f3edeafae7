package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;

import org.tandem.presenter.FrameLoop;
import org.tandem.presenter.InputEvent;
import org.tandem.presenter.InputQueue;
import org.tandem.presenter.Screen;
import org.tandem.presenter.Station;
import org.tandem.protocols.observer.SessionAbortedException;

/**
 * Keeps a screen up, frame after frame, until something happens: a condition, or one of some keys. The frame log is
 * reset in chunks, so a participant may take as long as they like; closing the window stops the session.
 */
final class Hold {
    /** Flips per chunk of the frame log while waiting; well under {@link Station#FLIPS_PER_TRIAL}. */
    private static final int CHUNK = 1000;

    private final Station station;
    private final ScreenWatcher watcher;
    private final InputEvent event = new InputEvent();
    private boolean reached;
    private int pressed;

    Hold(Station station, ScreenWatcher watcher) {
        this.station = station;
        this.watcher = watcher;
    }

    /**
     * Shows {@code screen} (announced as {@code name}) until {@code done} holds after a flip. The first frame is
     * assumed to be on screen already when {@code firstFlip} is given (not 0).
     */
    void until(String name, int trialIndex, Screen screen, long firstFlip, FrameLoop.Condition done) {
        FrameLoop loop = station.loop();
        loop.reset();
        long first = firstFlip;
        if (first == 0) {
            loop.show(screen, 1);
            first = loop.flip(0);
        }
        watcher.shown(name, trialIndex, screen, first);
        reached = false;
        FrameLoop.Condition tracked = flip -> {
            if (station.window().closeRequested()) {
                throw new SessionAbortedException("the station window was closed; every answer given so far is kept");
            }
            reached = done.reached(flip);
            return reached;
        };
        if (tracked.reached(first)) {
            return;
        }
        while (!reached) {
            loop.reset();
            loop.showUntil(screen, tracked, CHUNK);
        }
    }

    /** Shows the screen until one of {@code keys} (GLFW codes) is pressed, after clearing earlier input; returns it. */
    int untilKey(String name, int trialIndex, Screen screen, int... keys) {
        InputQueue input = station.input();
        input.clear();
        pressed = -1;
        until(name, trialIndex, screen, 0, flip -> {
            while (pressed < 0 && input.poll(event)) {
                if (event.kind() == InputEvent.Kind.KEY) {
                    for (int key : keys) {
                        if (event.code() == key) {
                            pressed = key;
                        }
                    }
                }
            }
            return pressed >= 0;
        });
        return pressed;
    }

    static boolean isEscape(int key) {
        return key == GLFW_KEY_ESCAPE;
    }
}
