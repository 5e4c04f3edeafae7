package org.tandem.presenter.station;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_BACKSPACE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_ENTER;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_ENTER;

import org.tandem.presenter.InputEvent;
import org.tandem.presenter.InputQueue;
import org.tandem.presenter.Station;
import org.tandem.presenter.screen.ParticipantCodeScreen;
import org.tandem.protocols.observer.SessionAbortedException;

/** Asks for the participant code on screen: typed characters, Backspace, Enter to accept; Esc gives up. */
public final class ParticipantCodeEntry {
    private ParticipantCodeEntry() {
    }

    /**
     * @throws SessionAbortedException when Esc is pressed: no session is started
     */
    public static String ask(Station station, ScreenWatcher watcher) {
        ParticipantCodeScreen screen = station.screens().participantCode();
        InputQueue input = station.input();
        InputEvent event = new InputEvent();
        boolean[] escaped = {false};
        input.clear();
        new Hold(station, watcher).until("participant-code", -1, screen, 0, flip -> {
            while (input.poll(event)) {
                if (event.kind() == InputEvent.Kind.CHARACTER && event.code() < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    screen.type((char) event.code());
                } else if (event.kind() == InputEvent.Kind.KEY) {
                    switch (event.code()) {
                        case GLFW_KEY_BACKSPACE -> screen.backspace();
                        case GLFW_KEY_ESCAPE -> escaped[0] = true;
                        case GLFW_KEY_ENTER, GLFW_KEY_KP_ENTER -> {
                            if (!screen.code().isEmpty()) {
                                return true;
                            }
                        }
                        default -> {
                        }
                    }
                }
                if (escaped[0]) {
                    return true;
                }
            }
            return false;
        });
        if (escaped[0]) {
            throw new SessionAbortedException("no participant code was entered (Esc); no session was started");
        }
        return screen.code();
    }
}
