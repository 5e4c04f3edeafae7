package org.tandem.engine.explain;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.Landmarks68;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.transform.Region;

/**
 * Face regions of photographs, from face-api's 68 landmarks (iBUG-300W numbering): each eye from its six outline
 * points and its brow's five (36–41 with 17–21, 42–47 with 22–26), the nose from 29–35 (the lower bridge and the
 * nostrils: the bridge's top lies between the eyes), the mouth from 48–67. A region is the ellipse spanning its points' extent, widened by {@link #MARGIN} on each axis, so it covers the part as the
 * built-in faces' region ellipses do (the eye masks take in the brows) rather than the bare outline.
 */
public final class LandmarkRegions {
    /** How much wider than its landmarks' extent a region is, on each axis. */
    static final double MARGIN = 1.5;
    private static final int[][] LEFT_EYE = {{36, 41}, {17, 21}};
    private static final int[][] RIGHT_EYE = {{42, 47}, {22, 26}};
    private static final int[][] NOSE = {{29, 35}};
    private static final int[][] MOUTH = {{48, 67}};
    private static final int BATCH = 16;

    private LandmarkRegions() {
    }

    /** Each crop's regions in its own pixels (the crop's top-left is (0, 0)). */
    public static List<Map<String, List<InputGeometry.PointTest>>> of(List<Raster> crops) {
        List<Map<String, List<InputGeometry.PointTest>>> out = new ArrayList<>();
        try (NDManager manager = DjlEngine.newBaseManager();
             FaceLandmark68Net net = new FaceLandmark68Net(manager,
                     ModelSpec.parse("faceapi:landmarks").weights(ModelStore.faceApi()))) {
            for (int from = 0; from < crops.size(); from += BATCH) {
                for (Landmarks68 points : net.predict(crops.subList(from, Math.min(crops.size(), from + BATCH)))) {
                    out.add(regions(points.points()));
                }
            }
        }
        return out;
    }

    static Map<String, List<InputGeometry.PointTest>> regions(List<Landmarks68.Point> points) {
        Map<String, List<InputGeometry.PointTest>> regions = new LinkedHashMap<>();
        regions.put("eyes", List.of(ellipse(points, LEFT_EYE), ellipse(points, RIGHT_EYE)));
        regions.put("nose", List.of(ellipse(points, NOSE)));
        regions.put("mouth", List.of(ellipse(points, MOUTH)));
        return regions;
    }

    /** The widened ellipse over the points of the ranges (each from..to, inclusive). */
    static InputGeometry.PointTest ellipse(List<Landmarks68.Point> points, int[][] ranges) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int[] range : ranges) {
            for (int i = range[0]; i <= range[1]; i++) {
                Landmarks68.Point p = points.get(i);
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        // a nose's points lie nearly on a vertical line: give every region at least a third of its height in width
        double rx = Math.max((maxX - minX) / 2, (maxY - minY) / 6) * MARGIN;
        double ry = Math.max((maxY - minY) / 2, (maxX - minX) / 6) * MARGIN;
        Region region = Region.ellipse((minX + maxX) / 2, (minY + maxY) / 2, rx, ry);
        return region::contains;
    }
}
