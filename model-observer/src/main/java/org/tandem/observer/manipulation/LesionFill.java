package org.tandem.observer.manipulation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/** The value a silenced unit takes: zero, or its own mean over the reference images (which removes only its variation). */
public enum LesionFill {
    ZERO, MEAN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LesionFill parse(String value) {
        return Arrays.stream(values()).filter(f -> f.label().equals(value)).findFirst()
                .orElseThrow(() -> new TandemException("fill '" + value + "' is not one of "
                        + Arrays.stream(values()).map(LesionFill::label).collect(Collectors.joining(", "))));
    }
}
