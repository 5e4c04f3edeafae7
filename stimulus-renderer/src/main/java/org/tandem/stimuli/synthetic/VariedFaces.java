package org.tandem.stimuli.synthetic;

import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.SplitMix64;
import org.tandem.protocols.plan.StimulusRef;

/**
 * The built-in stimulus set {@code varied-faces}: the people of {@code synthetic-faces} (same identities, same set seed)
 * photographed as real faces vary: each person moves their face in their own way ({@link ExpressionStyle}), each image
 * shows its expression at its own intensity with a little jitter per action unit and side ({@link VariedExpression}),
 * and each image has its own head pose, framing, light, skin grain and camera ({@link ViewConditions}). Every value comes
 * from a seeded stream (docs/STIMULI.md lists them), so the same size, seed and reference give the same pixels on every
 * run, and the face's regions and crop are computed through the same pose, so they stay exactly known. All levels of a
 * morph continuum share one view and differ only in their action units.
 */
public final class VariedFaces implements FaceSet {
    public static final String SET_NAME = "varied-faces";
    /** Stream salts ("VIEW", "SKIN"), so image conditions and skin are independent of the identities' looks. */
    private static final long VIEW_SALT = 0x56494557L;
    private static final long SKIN_SALT = 0x534B494EL;
    /** Stream salt of the posed variants ("VARIANT"). */
    private static final long VARIANT_SALT = 0x56415249414E54L;
    static final double TEXTURE_LOW = 0.03;
    static final double TEXTURE_HIGH = 0.08;

    private final int size;
    private final long seed;

    public VariedFaces(int size, long seed) {
        if (size < 32 || size > 4096) {
            throw new TandemException("varied face size must be 32..4096 pixels, got " + size);
        }
        this.size = size;
        this.seed = seed;
    }

    @Override
    public String name() {
        return SET_NAME;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Raster render(StimulusRef ref) {
        Image image = image(ref);
        return VariedFaceRenderer.render(image.identity, image.sides, image.view, image.pose, skin(ref.identity()), size);
    }

    @Override
    public Rectangle2D faceCrop(StimulusRef ref) {
        Image image = image(ref);
        Rectangle2D box = new FaceGeometry(image.identity, image.sides.centre()).faceCrop();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double fx = 0; fx <= 1; fx += 0.5) {
            for (double fy = 0; fy <= 1; fy += 0.5) {
                double[] p = image.pose.toImage(box.getX() + fx * box.getWidth(), box.getY() + fy * box.getHeight());
                minX = Math.min(minX, p[0]);
                minY = Math.min(minY, p[1]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        // a real detector's box is off by a little: shifted and scaled about its centre
        ViewConditions view = image.view;
        double width = (maxX - minX) * view.cropScale();
        double height = (maxY - minY) * view.cropScale();
        double centreX = (minX + maxX) / 2 + view.cropShiftX() * (maxX - minX);
        double centreY = (minY + maxY) / 2 + view.cropShiftY() * (maxY - minY);
        double scale = size / FaceRenderer.DESIGN;
        return new Rectangle2D.Double((centreX - width / 2) * scale, (centreY - height / 2) * scale, width * scale,
                height * scale);
    }

    @Override
    public double[][] partRegions(StimulusRef ref, String part) {
        Image image = image(ref);
        double[][] design = part.equals("eyes")
                ? new double[][] {new FaceGeometry(image.identity, image.sides.left()).eyeRegions()[0],
                        new FaceGeometry(image.identity, image.sides.right()).eyeRegions()[1]}
                : new FaceGeometry(image.identity, image.sides.centre()).partRegions(part);
        double scale = size / FaceRenderer.DESIGN;
        double[][] pixels = new double[design.length][];
        for (int i = 0; i < design.length; i++) {
            double[] mapped = image.pose.toImage(design[i]);
            pixels[i] = new double[] {mapped[0] * scale, mapped[1] * scale, mapped[2] * scale, mapped[3] * scale};
        }
        return pixels;
    }

    /** Everything one reference's image is drawn from. */
    record Image(IdentityParameters identity, ExpressionParameters posed, ExpressionBySide sides, ViewConditions view,
            HeadPose pose) {
    }

    Image image(StimulusRef ref) {
        IdentityParameters identity = SyntheticFaces.identity(SET_NAME, ref.identity(), seed);
        ExpressionStyle style = SyntheticFaces.AVERAGE_IDENTITY.equals(ref.identity())
                ? ExpressionStyle.neutral() : ExpressionStyle.generate(seed, Integer.parseInt(ref.identity()));
        String shot = ref.identity() + "/" + (ref.expression() != null ? ref.expression() : ref.continuum());
        Uniform random = new Uniform(SplitMix64.stream(seed ^ VIEW_SALT, fnv1a(shot)));
        ViewConditions view = ViewConditions.draw(random);
        ExpressionParameters posed;
        ExpressionBySide sides;
        if (ref.expression() != null) {
            // the variant's own stream, so choosing it leaves every other drawn value of the image as it was
            posed = ExpressionVariants.draw(ref.expression(),
                    new Uniform(SplitMix64.stream(seed ^ VARIANT_SALT, fnv1a(shot))));
            sides = VariedExpression.image(posed, style, random);
        } else {
            String[] ends = SyntheticFaces.continuumEnds(ref);
            double fraction = SyntheticFaces.morphFraction(ref);
            posed = ExpressionPrototypes.of(ends[0]).towards(ExpressionPrototypes.of(ends[1]), fraction);
            sides = VariedExpression.morph(ExpressionPrototypes.of(ends[0]), ExpressionPrototypes.of(ends[1]), fraction,
                    style);
        }
        HeadPose pose = new HeadPose(new FaceGeometry(identity, ExpressionParameters.NEUTRAL), view);
        return new Image(identity, posed, sides, view, pose);
    }

    /** The person's skin grain: its seed and strength from the identity's own stream ({@code average}: stream 0). */
    private SkinTexture skin(String identity) {
        long index = SyntheticFaces.AVERAGE_IDENTITY.equals(identity) ? 0 : Integer.parseInt(identity);
        Uniform random = new Uniform(SplitMix64.stream(seed ^ SKIN_SALT, index));
        return new SkinTexture(random.seed(), random.range(TEXTURE_LOW, TEXTURE_HIGH));
    }

    /** FNV-1a, 64 bits, of the UTF-8 text: a stable stream index for an image name on every machine. */
    static long fnv1a(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
