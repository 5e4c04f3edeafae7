package org.tandem.stimuli.synthetic;

import java.util.Objects;

/**
 * The action units of each half of a face: {@code left} moves the half on the image's left (the person's right), {@code
 * right} the other. Real expressions are rarely symmetric; the built-in {@code synthetic-faces} always are.
 */
public record ExpressionBySide(ExpressionParameters left, ExpressionParameters right) {
    public ExpressionBySide {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    public static ExpressionBySide symmetric(ExpressionParameters both) {
        return new ExpressionBySide(both, both);
    }

    public boolean symmetric() {
        return left.equals(right);
    }

    /** What the middle of the face does (nose, brow furrow, lip opening, jaw): the mean of the two sides. */
    public ExpressionParameters centre() {
        return symmetric() ? left : left.towards(right, 0.5);
    }
}
