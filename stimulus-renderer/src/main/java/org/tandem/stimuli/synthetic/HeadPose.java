package org.tandem.stimuli.synthetic;

/**
 * Where a point of the plain (frontal, centred) drawing lands in a {@code varied-faces} image: the head is a height field
 * (an ellipsoid with a ridge for the nose) turned by yaw and pitch about its centre and seen orthographically, then
 * tilted by roll, scaled and shifted in the image plane. The same map places the face's regions and crop, so they stay
 * exactly known; {@link #toDrawing} inverts it for drawing the image. All coordinates are on the 256-pixel design grid.
 */
final class HeadPose {
    private static final int INVERSE_ITERATIONS = 8;
    private final double hx;
    private final double hy;
    private final double a;
    private final double b;
    private final double depth;
    private final double noseY;
    private final double noseLength;
    private final double noseHeight;
    private final double neck;
    private final double cosYaw;
    private final double sinYaw;
    private final double cosPitch;
    private final double sinPitch;
    private final double cosRoll;
    private final double sinRoll;
    private final double scale;
    private final double shiftX;
    private final double shiftY;

    /** @param head the identity's neutral layout, which sets the head's size */
    HeadPose(FaceGeometry head, ViewConditions view) {
        hx = head.cx;
        hy = (head.headTopY + head.chinY) / 2;
        a = head.halfWidth * 1.2;
        b = (head.chinY - head.headTopY) / 2 * 1.12;
        depth = head.halfWidth * 0.8;
        noseY = head.noseTipY - 5;
        noseLength = (head.noseTipY - head.eyeY) / 1.6;
        noseHeight = 12;
        neck = head.halfWidth * 0.55;
        cosYaw = StrictMath.cos(StrictMath.toRadians(view.yaw()));
        sinYaw = StrictMath.sin(StrictMath.toRadians(view.yaw()));
        cosPitch = StrictMath.cos(StrictMath.toRadians(view.pitch()));
        sinPitch = StrictMath.sin(StrictMath.toRadians(view.pitch()));
        cosRoll = StrictMath.cos(StrictMath.toRadians(view.roll()));
        sinRoll = StrictMath.sin(StrictMath.toRadians(view.roll()));
        scale = view.scale();
        shiftX = view.shiftX();
        shiftY = view.shiftY();
    }

    /** 1 − (u/a)² − (v/b)²: positive on the head's ellipse, 1 at its centre. */
    double inside(double x, double y) {
        double u = (x - hx) / a;
        double v = (y - hy) / b;
        return 1 - u * u - v * v;
    }

    /** Height of the head's surface above the image plane through its centre (smooth, with a bounded slope). */
    double height(double x, double y) {
        double t = Math.max(0, inside(x, y));
        return depth * t * t + nose(x, y);
    }

    private double nose(double x, double y) {
        double u = (x - hx) / 6;
        double v = (y - noseY) / noseLength;
        return noseHeight * StrictMath.exp(-u * u - v * v);
    }

    /**
     * Unit surface normal (x, y, z towards the camera) for shading: the ellipsoid's, tipped by the nose ridge; below the
     * head, the neck's cylinder; elsewhere outside the head (hair hanging down) it faces the camera.
     */
    double[] normal(double x, double y) {
        double t = inside(x, y);
        double nx = 0;
        double ny = 0;
        double nz = 1;
        if (t > 0) {
            double c2 = depth * depth;
            nx = (x - hx) / (a * a);
            ny = (y - hy) / (b * b);
            nz = StrictMath.sqrt(t) * depth / c2;
            double length = StrictMath.sqrt(nx * nx + ny * ny + nz * nz);
            nx /= length;
            ny /= length;
            nz /= length;
        } else if (y > hy) {
            double w = Math.max(-0.95, Math.min(0.95, (x - hx) / neck));
            nx = w;
            nz = StrictMath.sqrt(1 - w * w);
        }
        double h = 0.5;
        double gx = (nose(x + h, y) - nose(x - h, y)) / (2 * h);
        double gy = (nose(x, y + h) - nose(x, y - h)) / (2 * h);
        nx -= gx * nz;
        ny -= gy * nz;
        double length = StrictMath.sqrt(nx * nx + ny * ny + nz * nz);
        return new double[] {nx / length, ny / length, nz / length};
    }

    /** The image point (design grid) of drawing point (x, y). */
    double[] toImage(double x, double y) {
        double z = height(x, y);
        double u = (x - hx) * cosYaw + z * sinYaw;
        double v = (y - hy) * cosPitch + z * sinPitch;
        double ru = (u * cosRoll - v * sinRoll) * scale;
        double rv = (u * sinRoll + v * cosRoll) * scale;
        return new double[] {hx + shiftX + ru, hy + shiftY + rv};
    }

    /** The drawing point that lands on image point (x, y): the affine part undone, the turn undone by fixed point. */
    double[] toDrawing(double x, double y) {
        double ru = (x - hx - shiftX) / scale;
        double rv = (y - hy - shiftY) / scale;
        double u = ru * cosRoll + rv * sinRoll;
        double v = -ru * sinRoll + rv * cosRoll;
        double px = hx + u;
        double py = hy + v;
        for (int i = 0; i < INVERSE_ITERATIONS; i++) {
            double z = height(px, py);
            px = hx + (u - z * sinYaw) / cosYaw;
            py = hy + (v - z * sinPitch) / cosPitch;
        }
        return new double[] {px, py};
    }

    /**
     * An ellipse of the drawing (centre x, centre y, radius x, radius y) as it lands in the image: its centre mapped,
     * its radii the half-extents of eight mapped points of its rim, so the mapped part stays covered.
     */
    double[] toImage(double[] ellipse) {
        double[] centre = toImage(ellipse[0], ellipse[1]);
        double rx = 0;
        double ry = 0;
        for (int k = 0; k < 8; k++) {
            double angle = k * StrictMath.PI / 4;
            double[] rim = toImage(ellipse[0] + ellipse[2] * StrictMath.cos(angle), ellipse[1] + ellipse[3] * StrictMath.sin(angle));
            rx = Math.max(rx, Math.abs(rim[0] - centre[0]));
            ry = Math.max(ry, Math.abs(rim[1] - centre[1]));
        }
        return new double[] {centre[0], centre[1], rx, ry};
    }
}
