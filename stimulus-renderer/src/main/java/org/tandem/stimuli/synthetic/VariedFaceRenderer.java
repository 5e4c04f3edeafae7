package org.tandem.stimuli.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.tandem.protocols.observer.Raster;

/**
 * Draws one {@code varied-faces} image: the plain drawing of the face (each side with its own action units) on the
 * image's backdrop, seen through the {@link HeadPose}, lit by a key light and ambient light over the head's surface
 * (Lambertian, with a soft specular highlight), given its {@link SkinTexture}, then finished by the camera
 * ({@link CameraFinish}). Deterministic: the same inputs give the same bytes on every machine.
 */
final class VariedFaceRenderer {
    /** Strength of the specular highlight, as a share of full white at the highlight's centre. */
    private static final double SPECULAR = 0.10;
    private static final double SHININESS = 18;
    /** Over this much of the head ellipse's edge the specular highlight fades out. */
    private static final double EDGE = 0.15;
    private static final double BRIGHTEST = 1.35;

    private VariedFaceRenderer() {
    }

    static Raster render(IdentityParameters id, ExpressionBySide sides, ViewConditions view, HeadPose pose,
                         SkinTexture skin, int size) {
        // drawn on black and on white: their difference is each pixel's coverage, so light falls on the head only
        int[] onBlack = flatDrawing(id, sides, Color.BLACK, size);
        int[] onWhite = flatDrawing(id, sides, Color.WHITE, size);
        double[] light = lightDirection(view);
        double[] halfway = normalise(light[0], light[1], light[2] + 1);
        double frontal = (1 - view.lightShare()) + view.lightShare() * light[2];
        float[][] planes = new float[3][size * size];
        double step = FaceRenderer.DESIGN / size;
        double[] colour = new double[3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double[] p = pose.toDrawing((x + 0.5) * step, (y + 0.5) * step);
                double px = p[0] / step - 0.5;
                double py = p[1] / step - 0.5;
                double coverage = 0;
                for (int c = 0; c < 3; c++) {
                    double black = sample(onBlack, size, px, py, c);
                    coverage += (255 - (sample(onWhite, size, px, py, c) - black)) / (3 * 255.0);
                    colour[c] = black;
                }
                int i = y * size + x;
                if (coverage < 1e-3) {
                    for (int c = 0; c < 3; c++) {
                        planes[c][i] = (float) view.background();
                    }
                    continue;
                }
                double[] n = pose.normal(p[0], p[1]);
                double lambert = Math.max(0, n[0] * light[0] + n[1] * light[1] + n[2] * light[2]);
                double shade = Math.min(BRIGHTEST, ((1 - view.lightShare()) + view.lightShare() * lambert) / frontal);
                double factor = shade * skin.factor(p[0], p[1]);
                double specular = Math.max(0, n[0] * halfway[0] + n[1] * halfway[1] + n[2] * halfway[2]);
                double highlight = smoothstep(pose.inside(p[0], p[1]) / EDGE) * SPECULAR * view.lightShare() * 255
                        * StrictMath.pow(specular, SHININESS);
                for (int c = 0; c < 3; c++) {
                    // the black drawing is the premultiplied colour; the backdrop shows through the rest
                    planes[c][i] = (float) ((colour[c] * factor + highlight * coverage) + (1 - coverage) * view.background());
                }
            }
        }
        return new Raster(size, size, CameraFinish.apply(planes, size, view));
    }

    /** The plain drawing at the output size on a uniform backdrop, as packed RGB. */
    private static int[] flatDrawing(IdentityParameters id, ExpressionBySide sides, Color backdrop, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            FaceRenderer.prepare(g, backdrop, size);
            g.scale(size / FaceRenderer.DESIGN, size / FaceRenderer.DESIGN);
            FaceRenderer.draw(g, id, sides);
        } finally {
            g.dispose();
        }
        return image.getRGB(0, 0, size, size, null, 0, size);
    }

    /** Bilinear sample of one channel at pixel coordinates (x, y), the border repeated beyond the edge. */
    private static double sample(int[] rgb, int size, double x, double y, int channel) {
        double cx = Math.max(0, Math.min(size - 1, x));
        double cy = Math.max(0, Math.min(size - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(size - 1, x0 + 1);
        int y1 = Math.min(size - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        int shift = 16 - 8 * channel;
        double top = ((rgb[y0 * size + x0] >> shift) & 0xFF) * (1 - fx) + ((rgb[y0 * size + x1] >> shift) & 0xFF) * fx;
        double bottom = ((rgb[y1 * size + x0] >> shift) & 0xFF) * (1 - fx) + ((rgb[y1 * size + x1] >> shift) & 0xFF) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** Unit vector towards the key light: azimuth clockwise from above, elevation away from the line of sight. */
    private static double[] lightDirection(ViewConditions view) {
        double azimuth = Math.toRadians(view.lightAzimuth());
        double elevation = Math.toRadians(view.lightElevation());
        return new double[] {StrictMath.sin(elevation) * StrictMath.sin(azimuth),
                -StrictMath.sin(elevation) * StrictMath.cos(azimuth), StrictMath.cos(elevation)};
    }

    private static double[] normalise(double x, double y, double z) {
        double length = StrictMath.sqrt(x * x + y * y + z * z);
        return new double[] {x / length, y / length, z / length};
    }

    private static double smoothstep(double t) {
        double c = Math.max(0, Math.min(1, t));
        return c * c * (3 - 2 * c);
    }
}
