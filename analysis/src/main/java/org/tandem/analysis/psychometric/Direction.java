package org.tandem.analysis.psychometric;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/**
 * Which way the curve runs: rising with the level (P("happy") along sad → happy), falling (P("sad") along the same
 * continuum, or any "no" answer), or decided from the data. A falling curve is fitted as ψ(x) = γ + (1 − γ − λ)·F((m − u)/s):
 * the same sigmoid mirrored, so location, width and JND keep their meaning and the slope is negative.
 */
public enum Direction {
    INCREASING, DECREASING,
    /** The direction whose maximum-likelihood fit is better; data that fit no better than a flat line are refused. */
    AUTO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** +1 for rising, −1 for falling (AUTO has no sign until it is decided). */
    int sign() {
        if (this == AUTO) {
            throw new IllegalStateException("an automatic direction has no sign until the data decide it");
        }
        return this == INCREASING ? 1 : -1;
    }

    Direction opposite() {
        return this == INCREASING ? DECREASING : this == DECREASING ? INCREASING : AUTO;
    }

    public static Direction parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.label().equals(wanted)).findFirst().orElseThrow(() ->
                new TandemException("direction '" + text + "' is not one of "
                        + Arrays.stream(values()).map(Direction::label).collect(Collectors.joining(", "))));
    }
}
