package org.tandem.presenter;

import org.tandem.protocols.TandemException;

/**
 * Sizes in degrees of visual angle for a viewer at a distance from a screen of known physical width: an object of size
 * s at distance d subtends {@code 2 atan(s / 2d)}.
 *
 * @param distanceCm    eye to screen
 * @param screenWidthCm the visible width of the picture
 * @param screenWidthPx the horizontal resolution the picture is shown at
 */
public record VisualAngle(double distanceCm, double screenWidthCm, int screenWidthPx) {

    public VisualAngle {
        if (!(distanceCm > 0)) {
            throw new TandemException("--distance-cm must be a positive number of centimetres, got " + distanceCm);
        }
        if (!(screenWidthCm > 0)) {
            throw new TandemException("--screen-width-cm must be a positive number of centimetres, got " + screenWidthCm);
        }
        if (screenWidthPx <= 0) {
            throw new IllegalArgumentException("screen width in pixels must be positive, got " + screenWidthPx);
        }
    }

    /** The pixels (fractional) an object needs to subtend {@code degrees}. */
    public double pixels(double degrees) {
        double cm = 2 * distanceCm * Math.tan(Math.toRadians(degrees) / 2);
        return cm * screenWidthPx / screenWidthCm;
    }

    /** The visual angle subtended by {@code pixels}. */
    public double degrees(double pixels) {
        double cm = pixels * screenWidthCm / screenWidthPx;
        return Math.toDegrees(2 * Math.atan(cm / (2 * distanceCm)));
    }
}
