package org.tandem.protocols.observer;

import org.tandem.protocols.TandemException;

/** Thrown by an observer when the session is ended on purpose (e.g. "abort" on the pause screen); stored trials are kept. */
public class SessionAbortedException extends TandemException {
    public SessionAbortedException(String message) {
        super(message);
    }
}
