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
public final class SyntheticFaces implements FaceSet {
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

    @Override
    public Rectangle2D faceCrop(StimulusRef ref) {
        Rectangle2D box = new FaceGeometry(identity(ref.identity()), expression(ref)).faceCrop();
        double scale = size / FaceRenderer.DESIGN;
        return new Rectangle2D.Double(box.getX() * scale, box.getY() * scale, box.getWidth() * scale, box.getHeight() * scale);
    }

    @Override
    public double[][] partRegions(StimulusRef ref, String part) {
        double[][] design = new FaceGeometry(identity(ref.identity()), expression(ref)).partRegions(part);
        double scale = size / FaceRenderer.DESIGN;
        double[][] pixels = new double[design.length][];
        for (int i = 0; i < design.length; i++) {
            pixels[i] = new double[] {design[i][0] * scale, design[i][1] * scale, design[i][2] * scale, design[i][3] * scale};
        }
        return pixels;
    }

    IdentityParameters identity(String name) {
        return identity(SET_NAME, name, seed);
    }

    /** The numbered identity of the set seed, or the {@code average} identity; anything else is refused naming the set. */
    static IdentityParameters identity(String setName, String name, long seed) {
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
        throw new TandemException(setName + " has no identity '" + name + "'; use a number 01, 02, … or 'average'");
    }

    static ExpressionParameters expression(StimulusRef ref) {
        if (ref.expression() != null) {
            return ExpressionPrototypes.of(ref.expression());
        }
        String[] ends = continuumEnds(ref);
        return ExpressionPrototypes.of(ends[0]).towards(ExpressionPrototypes.of(ends[1]), morphFraction(ref));
    }

    /** The two expressions a continuum runs between, e.g. {@code sad} and {@code happy} for {@code sad-happy}. */
    static String[] continuumEnds(StimulusRef ref) {
        String[] ends = ref.continuum().split("-", 2);
        if (ends.length != 2) {
            throw new TandemException("continuum '" + ref.continuum() + "' must name two expressions as from-to, e.g. sad-happy");
        }
        return ends;
    }

    /** How far along its continuum a morph lies, 0..1 (its level in percent over 100). */
    static double morphFraction(StimulusRef ref) {
        double level;
        try {
            level = Double.parseDouble(ref.level());
        } catch (NumberFormatException e) {
            throw new TandemException("continuum level '" + ref.level() + "' of " + ref.id() + " is not a number");
        }
        if (level < 0 || level > 100) {
            throw new TandemException("continuum level " + ref.level() + " of " + ref.id() + " is outside 0..100 %");
        }
        return level / 100.0;
    }
}
