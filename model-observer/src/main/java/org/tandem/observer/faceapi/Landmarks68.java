package org.tandem.observer.faceapi;

import java.util.ArrayList;
import java.util.List;

/**
 * The 68 iBUG-300W landmarks of one face: the network's raw 136 outputs (interleaved x, y in units of the padded square) and
 * the points in the crop's pixels.
 */
public record Landmarks68(float[] raw, List<Point> points) {
    public Landmarks68 {
        raw = raw.clone();
        points = List.copyOf(points);
    }

    /** A point in pixels of the crop, origin top left. */
    public record Point(double x, double y) {
    }

    @Override
    public float[] raw() {
        return raw.clone();
    }

    /**
     * face-api's post-processing for a {@code width x height} crop: undo the padding to a square, assuming it was symmetric
     * (face-api's own half-pixel inconsistency, kept so the points agree with it).
     */
    public static Landmarks68 fromRaw(float[] raw, int width, int height, int inputSize) {
        double s = (double) inputSize / Math.max(width, height);
        double ws = width * s;
        double hs = height * s;
        double padX = ws < hs ? Math.abs(ws - hs) / 2 : 0;
        double padY = hs < ws ? Math.abs(ws - hs) / 2 : 0;
        List<Point> points = new ArrayList<>(raw.length / 2);
        for (int i = 0; i < raw.length / 2; i++) {
            double relX = (raw[2 * i] * inputSize - padX) / ws;
            double relY = (raw[2 * i + 1] * inputSize - padY) / hs;
            points.add(new Point(relX * width, relY * height));
        }
        return new Landmarks68(raw, points);
    }
}
