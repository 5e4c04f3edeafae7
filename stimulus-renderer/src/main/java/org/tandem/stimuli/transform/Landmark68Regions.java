package org.tandem.stimuli.transform;

import java.util.List;

/**
 * Where the face parts are, from the 68 iBUG-300W landmarks of a face (face-api's FaceLandmark68Net numbering): each eye
 * from its six outline points and its brow's five (36–41 with 17–21, 42–47 with 22–26), the nose from 29–35 (the lower
 * bridge and the nostrils: the bridge's top lies between the eyes), the mouth from 48–67. A region is the ellipse
 * spanning its points' extent, widened by {@link #MARGIN} on each axis, so it covers the part as the built-in faces'
 * region ellipses do (the eye masks take in the brows) rather than the bare outline. One geometry for every caller: the
 * masks of photographs and the regions {@code tandem explain} scores.
 */
public final class Landmark68Regions {
    /** How much wider than its landmarks' extent a region is, on each axis. */
    public static final double MARGIN = 1.5;
    /** How many points a face's landmarks have. */
    public static final int POINTS = 68;
    private static final int[][] LEFT_EYE = {{36, 41}, {17, 21}};
    private static final int[][] RIGHT_EYE = {{42, 47}, {22, 26}};
    private static final int[][] NOSE = {{29, 35}};
    private static final int[][] MOUTH = {{48, 67}};

    private Landmark68Regions() {
    }

    /**
     * The part's ellipses (two for the eyes) for landmarks at {@code (x[i], y[i])}, in the pixels the points are given in.
     *
     * @throws IllegalArgumentException when there are not 68 points
     */
    public static List<Region> of(FaceFeature feature, double[] x, double[] y) {
        if (x.length != POINTS || y.length != POINTS) {
            throw new IllegalArgumentException("face landmarks have " + POINTS + " points, got " + x.length + " and "
                    + y.length + " coordinates");
        }
        return switch (feature) {
            case EYES -> List.of(ellipse(x, y, LEFT_EYE), ellipse(x, y, RIGHT_EYE));
            case NOSE -> List.of(ellipse(x, y, NOSE));
            case MOUTH -> List.of(ellipse(x, y, MOUTH));
        };
    }

    /** The widened ellipse over the points of the ranges (each from..to, inclusive). */
    private static Region ellipse(double[] x, double[] y, int[][] ranges) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int[] range : ranges) {
            for (int i = range[0]; i <= range[1]; i++) {
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
            }
        }
        // a nose's points lie nearly on a vertical line: give every region at least a third of its height in width
        double rx = Math.max((maxX - minX) / 2, (maxY - minY) / 6) * MARGIN;
        double ry = Math.max((maxY - minY) / 2, (maxX - minX) / 6) * MARGIN;
        return Region.ellipse((minX + maxX) / 2, (minY + maxY) / 2, rx, ry);
    }
}
