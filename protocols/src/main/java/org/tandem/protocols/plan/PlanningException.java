package org.tandem.protocols.plan;

import org.tandem.protocols.TandemException;

/**
 * A protocol that reads well but cannot be planned (e.g. run-length limits no order can meet). It names the protocol member
 * to change, as a JSON Pointer, so that whoever holds the file can report it at its line and column.
 */
public class PlanningException extends TandemException {
    private final String pointer;

    public PlanningException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    /** The member to change, e.g. {@code /randomisation/maxSameLevel}. */
    public String pointer() {
        return pointer;
    }
}
