package org.tandem.protocols.plan;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;

/**
 * Names one stimulus image of a stimulus set, in the same fields as the image-folder manifest
 * (identity, expression, continuum, level), so that a protocol can be planned without the images existing.
 * A prototype image has an expression; a morph has a continuum ("sad-happy") and a level in percent of its far end.
 */
public record StimulusRef(String set, String identity, String expression, String continuum, String level) {

    public StimulusRef {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(identity, "identity");
        if ((expression == null) == (continuum == null)) {
            throw new IllegalArgumentException("a stimulus has either an expression or a continuum, not both or neither");
        }
        if ((continuum == null) != (level == null)) {
            throw new IllegalArgumentException("a continuum stimulus needs a level and only it has one");
        }
    }

    /** Set, identity, expression, continuum, then level by value (so 5 % comes before 10 %). */
    public static final Comparator<StimulusRef> ORDER = Comparator.comparing(StimulusRef::set)
            .thenComparing(StimulusRef::identity)
            .thenComparing(StimulusRef::expression, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StimulusRef::continuum, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ref -> ref.level() == null ? null : new BigDecimal(ref.level()),
                    Comparator.nullsFirst(Comparator.naturalOrder()));

    public static StimulusRef prototype(String set, String identity, String expression) {
        return new StimulusRef(set, identity, expression, null, null);
    }

    public static StimulusRef morph(String set, String identity, String continuum, String level) {
        return new StimulusRef(set, identity, null, continuum, level);
    }

    /** A stable textual id, e.g. {@code synthetic-faces/average/sad-happy@30} or {@code synthetic-faces/07/fearful}. */
    public String id() {
        return continuum == null
                ? set + "/" + identity + "/" + expression
                : set + "/" + identity + "/" + continuum + "@" + level;
    }

    @Override
    public String toString() {
        return id();
    }
}
