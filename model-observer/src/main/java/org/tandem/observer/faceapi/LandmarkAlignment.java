package org.tandem.observer.faceapi;

import java.awt.geom.Rectangle2D;

/**
 * face-api's alignment of a face box by its 68 landmarks ({@code FaceLandmarks.align} with its defaults: the minimum
 * bounding box of the points, padded by a fifth of its width and height, half on each side). face-api crops this box
 * for its expression and recognition networks after detection.
 */
public final class LandmarkAlignment {
    public static final double MIN_BOX_PADDING = 0.2;

    private LandmarkAlignment() {
    }

    /**
     * @param box       the face box the landmarks were found in, in image pixels (face-api shifts by the unfloored box)
     * @param landmarks the landmarks, in pixels of the crop cut from {@code box}
     * @return the aligned face box, in image pixels
     */
    public static Rectangle2D align(Rectangle2D box, Landmarks68 landmarks) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Landmarks68.Point p : landmarks.points()) {
            double x = p.x() + box.getX();
            double y = p.y() + box.getY();
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        double padX = (maxX - minX) * MIN_BOX_PADDING;
        double padY = (maxY - minY) * MIN_BOX_PADDING;
        return new Rectangle2D.Double(minX - padX / 2, minY - padY / 2, maxX - minX + padX, maxY - minY + padY);
    }
}
