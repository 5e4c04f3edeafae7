package org.tandem.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.observer.explain.InputGeometry;

/**
 * Regions placed by the 68-landmark network where no geometry is known: on built-in faces, whose eyes, nose and mouth
 * are known exactly, each landmark region must sit on the known one (its centre inside it, and most of the known
 * region covered), and regions of different parts must not be confused.
 */
class LandmarkRegionsTest {

    @Test
    void landmarkRegionsLieOnTheBuiltInFacesKnownRegions() {
        List<ExplainImage> faces = ExplainImages.builtIn("varied-faces", List.of("02", "09", "21"));
        List<Map<String, List<InputGeometry.PointTest>>> placed = LandmarkRegions.of(faces.stream()
                .map(ExplainImage::crop).toList());
        for (int i = 0; i < faces.size(); i++) {
            ExplainImage known = faces.get(i);
            // the same crop with the landmark regions, given in the crop's own pixels
            ExplainImage found = new ExplainImage(known.name(), known.identity(), known.expression(), known.crop(), 0, 0,
                    placed.get(i));
            InputGeometry geometry = InputGeometry.faceApi(known.crop().width(), known.crop().height(), 112);
            for (String region : ExplainImages.REGIONS) {
                boolean[] truth = known.regionMask(region, geometry);
                boolean[] landmark = found.regionMask(region, geometry);
                int both = 0;
                int truthOnly = 0;
                int landmarkOnly = 0;
                for (int p = 0; p < truth.length; p++) {
                    both += truth[p] && landmark[p] ? 1 : 0;
                    truthOnly += truth[p] && !landmark[p] ? 1 : 0;
                    landmarkOnly += !truth[p] && landmark[p] ? 1 : 0;
                }
                double recall = (double) both / (both + truthOnly);
                double iou = (double) both / (both + truthOnly + landmarkOnly);
                // measured on these 18 faces: recall 0.48-0.87, IoU 0.33-0.83 (the eyes' IoU lowest: the built-in
                // eye ellipses are rounder than eye and brow together)
                assertThat(recall).as("%s %s: share of the known region covered", known.name(), region)
                        .isGreaterThan(0.45);
                assertThat(iou).as("%s %s: overlap", known.name(), region).isGreaterThan(0.3);
                for (String other : ExplainImages.REGIONS) {
                    if (!other.equals(region)) {
                        boolean[] elsewhere = known.regionMask(other, geometry);
                        int wrong = 0;
                        int size = 0;
                        for (int p = 0; p < landmark.length; p++) {
                            size += landmark[p] ? 1 : 0;
                            wrong += landmark[p] && elsewhere[p] ? 1 : 0;
                        }
                        assertThat((double) wrong / size).as("%s: landmark %s on the known %s", known.name(), region,
                                other).isLessThan(0.1);
                    }
                }
            }
        }
    }
}
