package org.tandem.protocols.observer;

/** Who answered a session. Stored as text ({@code human} or {@code model}); both are analysed the same way. */
public enum ObserverKind {
    HUMAN, MODEL;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ObserverKind fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
