package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.screen.StimulusScreen;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;
import org.tandem.stimuli.library.StimulusLibrary;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.transform.BuiltInRegions;
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.TransformOptions;

/**
 * At the station a masked protocol's face is on screen pixel for pixel as the mask transform makes it from the drawing:
 * the block's textures are uploaded from the protocol's library, the one networks are given their images from.
 */
class MaskedStimulusOnScreenTest {

    @Test
    void eachMasksFaceIsOnScreenAsTheTransformMakesIt() {
        FaceSet faces = BuiltInFaceSets.defaults(BuiltInFaceSets.DEFAULT);
        try (GlStage stage = new GlStage(320, 300); StimulusTextures textures = new StimulusTextures()) {
            for (String name : BuiltinProtocols.MASKED) {
                Protocol protocol = BuiltinProtocols.resolve(name).read();
                FaceFeature part = FaceFeature.of(protocol.taskStimulusSet().mask());
                List<Trial> practice = Planner.plan(protocol, 3).trials().stream().filter(Trial::practice).toList();
                textures.prepare(practice, StimulusLibrary.forProtocol(protocol, Path.of(".")));
                for (String level : List.of("0", "100")) {
                    StimulusRef ref = StimulusRef.morph(BuiltInFaceSets.DEFAULT, "average", "sad-happy", level);
                    StimulusScreen screen = stage.screens.stimulus(textures.texture(ref), new StimulusSize.Native());
                    Raster onScreen = stage.capture(screen)
                            .crop(screen.x(), screen.y(), screen.drawnWidth(), screen.drawnHeight());
                    Raster drawing = faces.render(ref);
                    Raster masked = part.mask().apply(List.of(drawing), TransformOptions.none()
                            .withRegions((feature, image) -> BuiltInRegions.of(faces, ref, feature))).images().get(0);
                    assertThat(onScreen).as("%s at %s %%", name, level).isEqualTo(masked).isNotEqualTo(drawing);
                }
            }
        }
    }
}
