package org.tandem.stimuli.synthetic;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;

/**
 * The built-in stimulus set {@code synthetic-faces}: drawn frontal faces of numbered identities ({@code 01}, {@code 02}, …,
 * generated from the set seed) and the {@code average} identity, showing a prototype expression or a point on a morph
 * continuum {@code from-to} at a level in percent. The same size, seed and reference give the same pixels on every run.
 */
public final class SyntheticFaces {
    public static final String SET_NAME = "synthetic-faces";
    public static final String AVERAGE_IDENTITY = "average";
    public static final int DEFAULT_SIZE = 256;
    public static final long DEFAULT_SEED = 1;

    private final int size;
    private final long seed;

    public SyntheticFaces(int size, long seed) {
        if (size < 32 || size > 4096) {
            throw new TandemException("synthetic face size must be 32..4096 pixels, got " + size);
        }
        this.size = size;
        this.seed = seed;
    }

    public static SyntheticFaces defaults() {
        return new SyntheticFaces(DEFAULT_SIZE, DEFAULT_SEED);
    }

    public int size() {
        return size;
    }

    public Raster render(StimulusRef ref) {
        return FaceRenderer.render(identity(ref.identity()), expression(ref), size);
    }

    /** Identity names {@code 01} … {@code NN} (two digits at least). */
    public static List<String> identityNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(String.format("%02d", i));
        }
        return names;
    }

    /**
     * Where face-api's aligned face crop would lie in this stimulus, in pixels: what a face network is given as its input
     * crop (the synthetic faces know their landmarks exactly, so no detector is needed).
     */
    public Rectangle2D faceCrop(StimulusRef ref) {
        Rectangle2D box = new FaceGeometry(identity(ref.identity()), expression(ref)).faceCrop();
        double scale = size / FaceRenderer.DESIGN;
        return new Rectangle2D.Double(box.getX() * scale, box.getY() * scale, box.getWidth() * scale, box.getHeight() * scale);
    }

    /**
     * Ellipses over a face part in pixels, each as (centre x, centre y, radius x, radius y): {@code eyes} (two),
     * {@code nose} or {@code mouth}. The synthetic faces know their parts exactly, so masks need no landmark detector.
     */
    public double[][] partRegions(StimulusRef ref, String part) {
        FaceGeometry geometry = new FaceGeometry(identity(ref.identity()), expression(ref));
        double[][] design = switch (part) {
            case "eyes" -> geometry.eyeRegions();
            case "nose" -> geometry.noseRegion();
            case "mouth" -> geometry.mouthRegion();
            default -> throw new IllegalArgumentException("face part must be eyes, nose or mouth, not " + part);
        };
        double scale = size / FaceRenderer.DESIGN;
        double[][] pixels = new double[design.length][];
        for (int i = 0; i < design.length; i++) {
            pixels[i] = new double[] {design[i][0] * scale, design[i][1] * scale, design[i][2] * scale, design[i][3] * scale};
        }
        return pixels;
    }

    /**
     * The face crop a face network is given for this stimulus: {@link #faceCrop} clipped to the image and floored, as
     * face-api does before its own pad-to-square and resize.
     */
    public Raster renderFaceCrop(StimulusRef ref) {
        Rectangle2D box = faceCrop(ref);
        int x = (int) Math.floor(Math.max(0, box.getX()));
        int y = (int) Math.floor(Math.max(0, box.getY()));
        int width = (int) Math.floor(Math.min(box.getMaxX(), size) - Math.max(0, box.getX()));
        int height = (int) Math.floor(Math.min(box.getMaxY(), size) - Math.max(0, box.getY()));
        return render(ref).crop(x, y, width, height);
    }

    IdentityParameters identity(String name) {
        if (AVERAGE_IDENTITY.equals(name)) {
            return IdentityParameters.average();
        }
        try {
            int number = Integer.parseInt(name);
            if (number >= 1) {
                return IdentityParameters.generate(seed, number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TandemException("synthetic-faces has no identity '" + name + "'; use a number 01, 02, … or 'average'");
    }

    static ExpressionParameters expression(StimulusRef ref) {
        if (ref.expression() != null) {
            return ExpressionPrototypes.of(ref.expression());
        }
        String[] ends = ref.continuum().split("-", 2);
        if (ends.length != 2) {
            throw new TandemException("continuum '" + ref.continuum() + "' must name two expressions as from-to, e.g. sad-happy");
        }
        double level;
        try {
            level = Double.parseDouble(ref.level());
        } catch (NumberFormatException e) {
            throw new TandemException("continuum level '" + ref.level() + "' of " + ref.id() + " is not a number");
        }
        if (level < 0 || level > 100) {
            throw new TandemException("continuum level " + ref.level() + " of " + ref.id() + " is outside 0..100 %");
        }
        return ExpressionPrototypes.of(ends[0]).towards(ExpressionPrototypes.of(ends[1]), level / 100.0);
    }
}
