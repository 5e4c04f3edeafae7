package org.tandem.stimuli.transform;

/**
 * An ellipse or a rectangle in pixel coordinates: x grows to the right, y downwards, and pixel (i, j) is the unit square
 * [i, i+1) × [j, j+1) with its centre at (i + 0.5, j + 0.5). A region is given by its bounding box, so
 * {@code rectangle(2, 3, 4, 1)} is exactly the pixels x = 2..5 of row 3.
 */
public record Region(Shape shape, double left, double top, double width, double height) {

    public enum Shape { ELLIPSE, RECTANGLE }

    public Region {
        if (shape == null) {
            throw new IllegalArgumentException("a region needs a shape");
        }
        if (!(width > 0) || !(height > 0) || !Double.isFinite(left) || !Double.isFinite(top)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("a region needs a finite position and a positive size, got " + left + ", "
                    + top + ", " + width + "x" + height);
        }
    }

    public static Region rectangle(double left, double top, double width, double height) {
        return new Region(Shape.RECTANGLE, left, top, width, height);
    }

    public static Region ellipse(double centreX, double centreY, double radiusX, double radiusY) {
        return new Region(Shape.ELLIPSE, centreX - radiusX, centreY - radiusY, 2 * radiusX, 2 * radiusY);
    }

    /**
     * Whether the point (x, y) is inside. Rectangles include their top and left edges and exclude the bottom and right ones,
     * so adjacent rectangles never share a point; ellipses include their boundary.
     */
    public boolean contains(double x, double y) {
        return switch (shape) {
            case RECTANGLE -> x >= left && x < left + width && y >= top && y < top + height;
            case ELLIPSE -> {
                double dx = (x - (left + width / 2)) / (width / 2);
                double dy = (y - (top + height / 2)) / (height / 2);
                yield dx * dx + dy * dy <= 1.0;
            }
        };
    }
}
