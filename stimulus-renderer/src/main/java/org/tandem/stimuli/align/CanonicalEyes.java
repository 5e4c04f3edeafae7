package org.tandem.stimuli.align;

import java.awt.geom.Point2D;

/**
 * Where the two eye centres go in a square aligned crop, as fractions of its side (origin top left, pixel centres at whole
 * numbers times the side).
 *
 * <p>{@link #ARCFACE} is the five-point template of ArcFace (Deng et al. 2019, insightface's {@code arcface_dst} for
 * 112 × 112 crops, itself the SphereFace/CosFace 96 × 112 template widened to a square), the alignment most face
 * networks and face datasets since use: eye centres (38.2946, 51.6963) and (73.5318, 51.5014) of 112. It is made
 * mirror-symmetric here (mean of the two eyes' distances from the edges and of their heights) so a level face stays level:
 * eyes at (0.3427, 0.4607) and (0.6573, 0.4607) of the side, 0.3146 of the side apart.
 */
public record CanonicalEyes(double leftX, double rightX, double y) {
    public static final CanonicalEyes ARCFACE = new CanonicalEyes(0.3427, 0.6573, 0.4607);

    public CanonicalEyes {
        if (!(leftX >= 0 && leftX < rightX && rightX <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("eye positions must lie in the crop, left of each other");
        }
    }

    /** Centre of the eye on the image's left (the person's right eye) in a crop of {@code size} pixels. */
    public Point2D imageLeft(int size) {
        return new Point2D.Double(leftX * size, y * size);
    }

    /** Centre of the eye on the image's right (the person's left eye) in a crop of {@code size} pixels. */
    public Point2D imageRight(int size) {
        return new Point2D.Double(rightX * size, y * size);
    }
}
