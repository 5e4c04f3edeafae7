package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.screen.ParticipantCodeScreen;
import org.tandem.presenter.screen.ResponseScreen;
import org.tandem.presenter.screen.Screens;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.synthetic.SyntheticFaces;

/** Draws every screen type of a session and saves it under target/screens/ for people to look at. */
class ScreenshotsTest {
    private static final Path FOLDER = Path.of("target", "screens");
    private static final List<String> SIX = List.of("anger", "disgust", "fear", "happiness", "sadness", "surprise");

    @Test
    void everyScreenTypeIsDrawnAndSaved() throws Exception {
        Raster face = SyntheticFaces.defaults().render(StimulusRef.prototype(SyntheticFaces.SET_NAME, SyntheticFaces.AVERAGE_IDENTITY, "happy"));
        try (GlStage stage = new GlStage(1024, 768); Texture texture = Texture.of(face)) {
            Screens screens = stage.screens;
            ParticipantCodeScreen code = screens.participantCode();
            "P-017".chars().forEach(c -> code.type((char) c));
            ResponseScreen response = screens.response("Which emotion did the face show? Click a label.", SIX);
            response.highlight(3);
            VisualAngle angle = new VisualAngle(57.29, 40, stage.window.width());
            Map<String, Screen> all = new LinkedHashMap<>();
            all.put("participant-code", code);
            all.put("instructions", screens.instructions("Instructions", "You will see a face for a moment. "
                    + "Then choose the emotion it showed by clicking its label or pressing its key.\n"
                    + "Answer as quickly and as accurately as you can. Äëïöü ß: accented letters render too."));
            all.put("fixation", screens.fixation());
            all.put("stimulus-native", screens.stimulus(texture, new StimulusSize.Native()));
            all.put("stimulus-6deg", screens.stimulus(texture, new StimulusSize.Degrees(6, angle)));
            all.put("isi", Screens.BLANK);
            all.put("response-six-way", response);
            all.put("feedback-correct", screens.feedback(true, "happiness"));
            all.put("feedback-wrong", screens.feedback(false, "happiness"));
            all.put("break", screens.rest(60, 180));
            all.put("pause", screens.pause());
            all.put("end", screens.end("The session is complete. Please tell the experimenter you have finished."));

            for (Map.Entry<String, Screen> entry : all.entrySet()) {
                Raster shot = stage.capture(entry.getValue());
                Path file = FOLDER.resolve(entry.getKey() + ".png");
                RasterFiles.writePng(shot, file);
                assertThat(RasterFiles.read(file)).isEqualTo(shot);
                if (!entry.getKey().equals("isi")) {
                    assertThat(TextRenderingTest.inked(shot)).as(entry.getKey()).isGreaterThan(50);
                }
            }
            assertThat(code.code()).isEqualTo("P-017");
            assertThat(Files.list(FOLDER).filter(p -> p.toString().endsWith(".png")).count())
                    .isGreaterThanOrEqualTo(all.size());
        }
    }
}
