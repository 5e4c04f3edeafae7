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
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.Landmark68Regions;
import org.tandem.stimuli.transform.Region;

/**
 * Face regions of photographs for {@code tandem explain}, from face-api's 68 landmarks placed by
 * {@link Landmark68Regions} (the geometry the masks of photographs use too): eyes with brows, nose, mouth as ellipses.
 */
public final class LandmarkRegions {
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
        double[] x = points.stream().mapToDouble(Landmarks68.Point::x).toArray();
        double[] y = points.stream().mapToDouble(Landmarks68.Point::y).toArray();
        Map<String, List<InputGeometry.PointTest>> regions = new LinkedHashMap<>();
        for (FaceFeature part : FaceFeature.values()) {
            regions.put(part.name().toLowerCase(java.util.Locale.ROOT), Landmark68Regions.of(part, x, y).stream()
                    .map(LandmarkRegions::test).toList());
        }
        return regions;
    }

    private static InputGeometry.PointTest test(Region region) {
        return region::contains;
    }
}
