package org.tandem.engine.cli;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.simulate.NetworkCrops;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.library.StimulusLibrary;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A masked protocol's images are what {@code tandem stimuli transform --op mask-PART} makes of the drawn continuum, pixel
 * for pixel, and they come from the one library both {@code tandem run} (the station) and {@code tandem simulate} (the
 * networks) resolve a protocol's stimuli with; a network is given its face box cut from those very pixels.
 */
class MaskedStimuliTest {

    @Test
    void everyMaskedImageIsTheTransformsOutputAndNetworksCropThoseVeryPixels(@TempDir Path dir) {
        Path continuum = dir.resolve("continuum");
        CliRun.ok("stimuli", "continuum", "--from", "sad", "--to", "happy", "--levels", "21", "--out",
                continuum.toString());
        SyntheticFaceCrops builtIn = SyntheticFaceCrops.defaults();
        for (String name : BuiltinProtocols.MASKED) {
            BuiltinProtocols.Source source = BuiltinProtocols.resolve(name);
            Protocol protocol = source.read();
            String mask = protocol.taskStimulusSet().mask();
            Path out = dir.resolve(mask);
            CliRun.ok("stimuli", "transform", "--op", "mask-" + mask, continuum.toString(), "--out", out.toString());
            List<StimulusEntry> entries = ImageFolderSet.open(out).entries();
            assertThat(entries).hasSize(21);
            // the library tandem run and tandem simulate both build for the protocol
            StimulusLibrary library = ProtocolStimuli.library(source, protocol);
            try (NetworkCrops crops = NetworkCrops.declared(protocol, library, builtIn)) {
                for (StimulusEntry entry : entries) {
                    StimulusRef shown = StimulusRef.morph(BuiltInFaceSets.DEFAULT, entry.ref().identity(),
                            entry.ref().continuum(), entry.ref().level());
                    Raster expected = RasterFiles.read(out.resolve(entry.file()));
                    Raster image = library.image(shown);
                    assertThat(image).as("%s %s", name, shown).isEqualTo(expected)
                            .isNotEqualTo(RasterFiles.read(continuum.resolve(entry.file())));
                    assertThat(crops.crop(shown, image)).as("the network's crop of %s %s", name, shown)
                            .isEqualTo(FaceBoxCrop.cut(expected, builtIn.faceBox(shown)));
                }
            }
        }
    }

    @Test
    void theUnmaskedProtocolShowsTheDrawingItself() {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve("expression-2afc-happy-sad");
        StimulusLibrary library = ProtocolStimuli.library(source, source.read());
        StimulusRef ref = StimulusRef.morph(BuiltInFaceSets.DEFAULT, "average", "sad-happy", "50");
        assertThat(library.image(ref)).isEqualTo(BuiltInFaceSets.defaults(BuiltInFaceSets.DEFAULT).render(ref));
    }
}
