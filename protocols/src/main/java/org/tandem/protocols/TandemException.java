package org.tandem.protocols;

/**
 * A problem the user can cause and fix: bad protocol, missing image, corrupt cache, locked database.
 * The message is shown as one line by the CLI, so it must say what is wrong, where, and what to do.
 */
public class TandemException extends RuntimeException {
    public TandemException(String message) {
        super(message);
    }

    public TandemException(String message, Throwable cause) {
        super(message, cause);
    }
}
