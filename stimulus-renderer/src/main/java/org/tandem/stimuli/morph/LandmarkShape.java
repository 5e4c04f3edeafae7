package org.tandem.stimuli.morph;

import java.util.Arrays;

/**
 * The landmarks of one face as a shape: points in an image's pixels (origin at the top-left corner of the top-left
 * pixel, so pixel (x, y) spans [x, x+1) × [y, y+1)). Two shapes of a morph have the same points in the same order.
 */
public final class LandmarkShape {
    private final double[] xs;
    private final double[] ys;

    public LandmarkShape(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a shape needs at least 3 points with an x and a y each, got "
                    + xs.length + " x and " + ys.length + " y");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
    }

    public int size() {
        return xs.length;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** (1 - t) · this + t · other, point by point. */
    public LandmarkShape interpolate(LandmarkShape other, double t) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("shapes of " + size() + " and " + other.size() + " points cannot be morphed");
        }
        double[] x = new double[size()];
        double[] y = new double[size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (1 - t) * xs[i] + t * other.xs[i];
            y[i] = (1 - t) * ys[i] + t * other.ys[i];
        }
        return new LandmarkShape(x, y);
    }

    /**
     * The shape with its points moved inside a {@code width × height} image and the image's corners and edge midpoints
     * added (8 points, the same for every shape of that size): so a triangulation of it covers the whole image, and the
     * background outside the face moves only as much as the face pulls it.
     */
    public LandmarkShape framed(int width, int height) {
        int n = size();
        double[] x = Arrays.copyOf(xs, n + 8);
        double[] y = Arrays.copyOf(ys, n + 8);
        for (int i = 0; i < n; i++) {
            x[i] = Math.min(width, Math.max(0, x[i]));
            y[i] = Math.min(height, Math.max(0, y[i]));
        }
        double[][] border = {{0, 0}, {width / 2.0, 0}, {width, 0}, {width, height / 2.0}, {width, height},
                {width / 2.0, height}, {0, height}, {0, height / 2.0}};
        for (int i = 0; i < border.length; i++) {
            x[n + i] = border[i][0];
            y[n + i] = border[i][1];
        }
        return new LandmarkShape(x, y);
    }
}
