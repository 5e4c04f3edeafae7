package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.cli.TandemCli;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.presenter.screen.StimulusScreen;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * At the station a photo continuum protocol shows its folder's images pixel for pixel, plain or with the part its
 * {@code mask} names covered: the block's textures come from the protocol's library, the one networks are given their
 * images from. The folder is written by {@code tandem stimuli continuum}, a stand-in for a photo continuum with the same
 * manifest columns.
 */
class PhotoStimulusOnScreenTest {

    @Test
    void theFoldersImagesAreOnScreenPlainAndMasked(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("continua");
        picocli.CommandLine cli = TandemCli.commandLine(false);
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("stimuli", "continuum", "--from", "sad", "--to", "happy", "--levels", "21", "--out",
                folder.toString())).isZero();
        String json = BuiltinProtocols.resolve("expression-2afc-happy-sad").json().replace(
                "{\"name\": \"varied-faces\", \"identity\": \"average\"}",
                "{\"name\": \"kdef-continua\", \"path\": \"continua/manifest.csv\", \"identity\": \"average\"}");
        Path plain = dir.resolve("photos.json");
        Files.writeString(plain, json);
        Path masked = dir.resolve("photos-mask-mouth.json");
        Files.writeString(masked, json.replace("\"identity\": \"average\"}",
                "\"identity\": \"average\", \"mask\": \"mouth\"}"));
        try (GlStage stage = new GlStage(320, 300); StimulusTextures textures = new StimulusTextures()) {
            for (Path file : List.of(plain, masked)) {
                BuiltinProtocols.Source source = BuiltinProtocols.resolve(file.toString());
                Protocol protocol = source.read();
                StimulusLibrary library = ProtocolStimuli.library(source, protocol);
                List<Trial> practice = Planner.plan(protocol, 3).trials().stream().filter(Trial::practice).toList();
                textures.prepare(practice, library);
                for (String level : List.of("0", "100")) {
                    StimulusRef ref = StimulusRef.morph("kdef-continua", "average", "sad-happy", level);
                    StimulusScreen screen = stage.screens.stimulus(textures.texture(ref), new StimulusSize.Native());
                    Raster onScreen = stage.capture(screen)
                            .crop(screen.x(), screen.y(), screen.drawnWidth(), screen.drawnHeight());
                    Raster photo = RasterFiles.read(folder.resolve(String.format("average_sad-happy_%03d.png",
                            Integer.parseInt(level) / 5)));
                    assertThat(onScreen).as("%s at %s %%", file.getFileName(), level).isEqualTo(library.image(ref));
                    if (file.equals(plain)) {
                        assertThat(onScreen).isEqualTo(photo);
                    } else {
                        assertThat(onScreen).isNotEqualTo(photo);
                    }
                }
            }
        }
    }
}
