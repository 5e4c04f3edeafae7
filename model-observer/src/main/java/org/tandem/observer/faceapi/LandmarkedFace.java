package org.tandem.observer.faceapi;

import java.util.List;

/**
 * A detected face with its 68 iBUG-300W landmarks in the photograph's pixels (origin top left), as face-api's
 * {@code detectAllFaces(...).withFaceLandmarks()} gives them.
 */
public record LandmarkedFace(DetectedFace face, List<Landmarks68.Point> points) {
    public LandmarkedFace {
        points = List.copyOf(points);
        if (points.size() != 68) {
            throw new IllegalArgumentException("68 landmarks expected, got " + points.size());
        }
    }

    /** Centre of the eye on the image's left (the person's right eye): the mean of points 36 to 41. */
    public Landmarks68.Point imageLeftEye() {
        return mean(36, 42);
    }

    /** Centre of the eye on the image's right (the person's left eye): the mean of points 42 to 47. */
    public Landmarks68.Point imageRightEye() {
        return mean(42, 48);
    }

    private Landmarks68.Point mean(int from, int to) {
        double x = 0;
        double y = 0;
        for (Landmarks68.Point p : points.subList(from, to)) {
            x += p.x();
            y += p.y();
        }
        return new Landmarks68.Point(x / (to - from), y / (to - from));
    }
}
