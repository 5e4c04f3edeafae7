package org.tandem.data;

import java.util.Locale;

/** Where a session stands. Stored as text: {@code running}, {@code completed}, {@code aborted}. */
public enum SessionStatus {
    /** Started (or resumed) and not finished; a crashed session stays running until it is resumed or aborted. */
    RUNNING,
    /** Every planned trial has a record. Final: a completed session takes no more trials and cannot be resumed. */
    COMPLETED,
    /** Stopped before the end; can be resumed. */
    ABORTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
