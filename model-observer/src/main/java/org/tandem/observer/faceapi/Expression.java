package org.tandem.observer.faceapi;

/** The classes of face-api's expression network, in its output order. */
public enum Expression {
    NEUTRAL, HAPPY, SAD, ANGRY, FEARFUL, DISGUSTED, SURPRISED;

    /** The lower-case label face-api uses, e.g. {@code happy}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
