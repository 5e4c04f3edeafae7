package org.tandem.stimuli.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * The control transforms by the names a command line uses: {@code invert}, {@code negate}, {@code scramble},
 * {@code mask-eyes}, {@code mask-nose}, {@code mask-mouth}, {@code lum-match}, {@code hist-match}, {@code grey},
 * {@code resize}. Every one applies to a list of images; all but the two matches treat each image on its own, and
 * {@code scramble} uses the same permutation for every image.
 */
public enum Transforms {
    INVERT("invert", "turn upside down (rotate 180°)"),
    NEGATE("negate", "contrast negation, 255 − v"),
    SCRAMBLE("scramble", "shuffle the blocks of a grid with a seeded permutation"),
    MASK_EYES("mask-eyes", "cover the eyes with a grey patch"),
    MASK_NOSE("mask-nose", "cover the nose with a grey patch"),
    MASK_MOUTH("mask-mouth", "cover the mouth with a grey patch"),
    LUM_MATCH("lum-match", "equalise luma mean and SD across the set (SHINE lumMatch)"),
    HIST_MATCH("hist-match", "equalise luma histograms across the set (SHINE histMatch)"),
    GREY("grey", "BT.601 greyscale"),
    RESIZE("resize", "resize to N×N");

    private final String cliName;
    private final String description;

    Transforms(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    /** Whether the result for one image depends on the other images of the set. */
    public boolean setLevel() {
        return this == LUM_MATCH || this == HIST_MATCH;
    }

    /** The names, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Transforms::cliName).toList();
    }

    /** @throws TandemException for an unknown name, listing the known ones */
    public static Transforms byName(String name) {
        for (Transforms t : values()) {
            if (t.cliName.equals(name)) {
                return t;
            }
        }
        throw new TandemException("unknown transform '" + name + "'; use one of " + String.join(", ", names()));
    }

    /**
     * Where a face box of an image lands in the transformed image: turned with the image by {@code invert}, scaled by
     * {@code resize}, unchanged by every other transform (they keep each pixel in place).
     */
    public java.awt.geom.Rectangle2D faceBoxAfter(java.awt.geom.Rectangle2D box, Raster before, Raster after) {
        return switch (this) {
            case INVERT -> new java.awt.geom.Rectangle2D.Double(before.width() - box.getMaxX(),
                    before.height() - box.getMaxY(), box.getWidth(), box.getHeight());
            case RESIZE -> {
                double sx = (double) after.width() / before.width();
                double sy = (double) after.height() / before.height();
                yield new java.awt.geom.Rectangle2D.Double(box.getX() * sx, box.getY() * sy, box.getWidth() * sx,
                        box.getHeight() * sy);
            }
            default -> box;
        };
    }

    /**
     * Applies this transform to every image of a set.
     *
     * @throws TandemException when an option the transform needs is missing, or an image does not suit it
     */
    public TransformedSet apply(List<Raster> images, TransformOptions options) {
        return switch (this) {
            case LUM_MATCH -> options.lumTarget() == null
                    ? LuminanceMatch.match(images)
                    : LuminanceMatch.match(images, options.lumTarget());
            case HIST_MATCH -> HistogramMatch.match(images);
            default -> eachImage(images, options);
        };
    }

    private TransformedSet eachImage(List<Raster> images, TransformOptions options) {
        List<Raster> out = new ArrayList<>(images.size());
        for (Raster image : images) {
            out.add(one(image, options));
        }
        return new TransformedSet(out, Collections.nCopies(images.size(), 0));
    }

    private Raster one(Raster image, TransformOptions options) {
        return switch (this) {
            case INVERT -> Inversion.apply(image);
            case NEGATE -> Negation.apply(image);
            case GREY -> Greyscale.apply(image);
            case RESIZE -> Resize.to(image, need(options.size(), "a target size N (images become N×N)"));
            case SCRAMBLE -> need(options.scramble(), "a seed (the same seed gives the same scramble)").apply(image);
            case MASK_EYES -> mask(image, FaceFeature.EYES, options);
            case MASK_NOSE -> mask(image, FaceFeature.NOSE, options);
            case MASK_MOUTH -> mask(image, FaceFeature.MOUTH, options);
            case LUM_MATCH, HIST_MATCH -> throw new IllegalStateException(cliName + " works on whole sets");
        };
    }

    private Raster mask(Raster image, FaceFeature feature, TransformOptions options) {
        RegionSupplier supplier = need(options.regions(), "the face regions of its images (only stimulus sets that know"
                + " where their features are, such as the synthetic faces, can be masked)");
        List<Region> regions = supplier.regions(feature, image);
        if (regions == null || regions.isEmpty()) {
            throw new TandemException(cliName + ": no " + feature.name().toLowerCase(java.util.Locale.ROOT)
                    + " region is known for a " + image.width() + "x" + image.height() + " image of this set;"
                    + " mask only images whose features are located");
        }
        OptionalInt grey = options.maskGrey() == null ? OptionalInt.empty() : OptionalInt.of(options.maskGrey());
        return new RegionMask(regions, grey, options.antiAliased()).apply(image);
    }

    private <T> T need(T value, String what) {
        if (value == null) {
            throw new TandemException("transform '" + cliName + "' needs " + what + "; give it and run again");
        }
        return value;
    }

    @Override
    public String toString() {
        return cliName;
    }

    /** One line per transform: name and what it does. */
    public static String describeAll() {
        return Arrays.stream(values()).map(t -> String.format("%-11s %s", t.cliName, t.description))
                .collect(Collectors.joining("\n"));
    }
}
