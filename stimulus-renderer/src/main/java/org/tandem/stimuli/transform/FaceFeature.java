package org.tandem.stimuli.transform;

import java.util.Locale;

/** The face parts a mask can cover. */
public enum FaceFeature {
    EYES, NOSE, MOUTH;

    /** The part a protocol's {@code mask} names: {@code eyes}, {@code nose} or {@code mouth}. */
    public static FaceFeature of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The transform that covers this part ({@code mask-eyes}, {@code mask-nose}, {@code mask-mouth}). */
    public Transforms mask() {
        return Transforms.byName("mask-" + name().toLowerCase(Locale.ROOT));
    }
}
