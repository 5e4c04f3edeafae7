package org.tandem.observer.faceapi;

/**
 * A face the detector found: its score (0..1) and its box in the image's pixels (origin top left), as face-api reports it;
 * the box may reach past the image's edges.
 */
public record DetectedFace(double score, double x, double y, double width, double height) {
    double area() {
        return width * height;
    }

    /** Intersection over union with {@code other}, as face-api's {@code iou}. */
    double iou(DetectedFace other) {
        double w = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        double h = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        double intersection = w * h;
        return intersection / (area() + other.area() - intersection);
    }
}
