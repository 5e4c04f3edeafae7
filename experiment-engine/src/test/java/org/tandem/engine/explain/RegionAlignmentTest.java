package org.tandem.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.faceapi.FaceCropPreprocessor;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;

/**
 * The face regions a map's mass is counted in lie exactly where the network sees those parts: each region painted
 * white on a black copy of the stimulus, cut and prepared as face-api prepares the crop, must be white only where the
 * region mask says inside and black only where it says outside (blended boundary pixels may go either way).
 */
class RegionAlignmentTest {

    @Test
    void regionMasksMatchThePaintedRegionsAsTheNetworkReceivesThem() {
        FaceSet faces = BuiltInFaceSets.defaults("varied-faces");
        List<ExplainImage> images = ExplainImages.builtIn("varied-faces", List.of("03", "17"));
        for (ExplainImage image : images) {
            StimulusRef ref = StimulusRef.prototype("varied-faces", image.identity(), image.expression());
            int size = faces.size();
            for (String region : ExplainImages.REGIONS) {
                Raster painted = FaceBoxCrop.cut(painted(size, image.regions().get(region)), faces.faceCrop(ref));
                assertThat(painted.width()).isEqualTo(image.crop().width());
                assertThat(painted.height()).isEqualTo(image.crop().height());
                float[] input = FaceCropPreprocessor.toNetInput(painted, 112);
                boolean[] inside = image.regionMask(region, InputGeometry.faceApi(painted.width(), painted.height(),
                        112));
                int white = 0;
                for (int p = 0; p < inside.length; p++) {
                    if (input[p * 3] == 255f) {
                        white++;
                        assertThat(inside[p]).as("%s %s pixel %d", image.name(), region, p).isTrue();
                    } else if (input[p * 3] == 0f) {
                        assertThat(inside[p]).as("%s %s pixel %d", image.name(), region, p).isFalse();
                    }
                }
                assertThat(white).as("%s %s", image.name(), region).isGreaterThan(20);
            }
        }
    }

    /** A black stimulus of the given size with the region's parts white (the pixels whose centres lie inside). */
    static Raster painted(int size, List<InputGeometry.PointTest> parts) {
        byte[] rgb = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                if (parts.stream().anyMatch(p -> p.contains(px, py))) {
                    java.util.Arrays.fill(rgb, (y * size + x) * 3, (y * size + x) * 3 + 3, (byte) 255);
                }
            }
        }
        return new Raster(size, size, rgb);
    }
}
