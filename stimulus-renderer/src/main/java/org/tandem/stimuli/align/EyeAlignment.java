package org.tandem.stimuli.align;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import org.tandem.protocols.TandemException;

/**
 * The similarity transform (rotation, uniform scale, translation) that carries a face's two eye centres onto two
 * target points: with points as complex numbers it is {@code z -> s (z - p1) + q1}, {@code s = (q2 - q1) / (p2 - p1)},
 * the closed form for two point pairs (two pairs fix the four degrees of freedom exactly).
 */
public final class EyeAlignment {
    /** Eyes closer than this (in source pixels) give no usable scale or angle. */
    public static final double MIN_EYE_DISTANCE = 1.0;

    private EyeAlignment() {
    }

    /**
     * @param left  centre of the eye on the image's left, in the source
     * @param right centre of the eye on the image's right, in the source
     * @return the transform from source pixels to target pixels
     * @throws TandemException when the eyes are less than {@link #MIN_EYE_DISTANCE} apart
     */
    public static AffineTransform toTarget(Point2D left, Point2D right, Point2D targetLeft, Point2D targetRight) {
        double px = right.getX() - left.getX();
        double py = right.getY() - left.getY();
        double norm = px * px + py * py;
        if (!(norm >= MIN_EYE_DISTANCE * MIN_EYE_DISTANCE)) {
            throw new TandemException(String.format(java.util.Locale.ROOT,
                    "the eye centres are %.2f px apart, too close to align on", Math.sqrt(norm)));
        }
        double qx = targetRight.getX() - targetLeft.getX();
        double qy = targetRight.getY() - targetLeft.getY();
        // s = q / p as complex numbers: a + ib
        double a = (qx * px + qy * py) / norm;
        double b = (qy * px - qx * py) / norm;
        double tx = targetLeft.getX() - (a * left.getX() - b * left.getY());
        double ty = targetLeft.getY() - (b * left.getX() + a * left.getY());
        return new AffineTransform(a, b, -b, a, tx, ty);
    }
}
