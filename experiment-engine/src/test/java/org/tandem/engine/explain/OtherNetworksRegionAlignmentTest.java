package org.tandem.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.explain.ExplainableNetwork;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;

/**
 * As {@link RegionAlignmentTest}, through the human library's preparations and the zoo networks' stretch to a square:
 * each face region painted white on black, cut and prepared as the network receives it (crop_and_resize to the face
 * tensor, then the network's own resize, or GEAR's sub-box; the zoo's legacy resize of the whole crop), must be white
 * only where the network's {@link InputGeometry} mask says inside and black only where it says outside. The crops are
 * not square, so each axis's own scale is checked.
 */
class OtherNetworksRegionAlignmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"human:emotion", "human:gear", "human:mobilefacenet", "zoo:resnet18"})
    void regionMasksMatchThePaintedRegionsAsTheNetworkReceivesThem(String spec) {
        FaceSet faces = BuiltInFaceSets.defaults("varied-faces");
        List<ExplainImage> images = ExplainImages.builtIn("varied-faces", List.of("03", "17"));
        try (FeatureNetwork opened = FeatureNetworks.open(spec)) {
            ExplainableNetwork network = (ExplainableNetwork) opened;
            for (ExplainImage image : images) {
                StimulusRef ref = StimulusRef.prototype("varied-faces", image.identity(), image.expression());
                int size = faces.size();
                for (String region : ExplainImages.REGIONS) {
                    Raster painted = FaceBoxCrop.cut(RegionAlignmentTest.painted(size, image.regions().get(region)),
                            faces.faceCrop(ref));
                    float[] input = network.inputPixels(painted);
                    boolean[] inside = image.regionMask(region, network.inputGeometry(painted.width(),
                            painted.height()));
                    int white = 0;
                    for (int p = 0; p < inside.length; p++) {
                        // emotion's grey weights sum to 0.9999, so its white is 254.97
                        if (input[p * 3] >= 254.9f) {
                            white++;
                            assertThat(inside[p]).as("%s %s %s pixel %d", spec, image.name(), region, p).isTrue();
                        } else if (input[p * 3] <= 0.01f) {
                            assertThat(inside[p]).as("%s %s %s pixel %d", spec, image.name(), region, p).isFalse();
                        }
                    }
                    assertThat(white).as("%s %s %s", spec, image.name(), region).isGreaterThan(20);
                }
            }
        }
    }
}
