package org.tandem.protocols;

/**
 * Which participants get a protocol's response keys reversed ({@code timing.counterbalanceKeys}): those whose code's
 * SHA-256 starts with an odd byte, about half, and the same code always the same way, so a resumed session and any
 * later analysis agree without storing a list.
 */
public final class KeyCounterbalance {
    public static final String AS_WRITTEN = "as written";
    public static final String REVERSED = "reversed";

    private KeyCounterbalance() {
    }

    /** Whether this participant's keys are reversed under this protocol. */
    public static boolean reversed(Protocol protocol, String participantCode) {
        return protocol.timing().keysCounterbalanced() && participantCode != null
                && (Integer.parseInt(CanonicalJson.sha256(participantCode).substring(0, 2), 16) & 1) == 1;
    }

    /** {@link #REVERSED} or {@link #AS_WRITTEN}, for the session's facts. */
    public static String describe(Protocol protocol, String participantCode) {
        return reversed(protocol, participantCode) ? REVERSED : AS_WRITTEN;
    }
}
