package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.screen.Screens;
import org.tandem.presenter.screen.StimulusScreen;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * Sizes in degrees of visual angle, drawn and read back with glReadPixels: a face 5° wide at 57 cm on a screen 53 cm
 * and 800 px wide is scaled on the GPU to the pixels the visual angle asks for, the fixation cross and the text to
 * theirs; degrees without the viewing geometry are refused.
 */
class DegreeSizesTest {
    private static final VisualAngle VIEWING = new VisualAngle(57, 53, 800);

    private static Protocol withDisplay(String display) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode p = (ObjectNode) json.readTree(BuiltinProtocols.resolve("expression-6way").json());
        p.set("display", json.readTree(display));
        return ProtocolReader.read(json.writeValueAsString(p), "degrees");
    }

    /** The columns of a row that differ from the background. */
    private static int[] extent(Raster shot, int y) {
        int first = -1;
        int last = -1;
        for (int x = 0; x < shot.width(); x++) {
            if (shot.sample(x, y, 0) != 128) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        return new int[] {first, last};
    }

    @Test
    void aFaceAFixationCrossAndTextAreDrawnAtTheirVisualAngles() throws Exception {
        Protocol protocol = withDisplay("{\"stimulusWidthDeg\": 5, \"fixationDeg\": 0.8, \"textHeightDeg\": 0.5}");
        DisplaySizes sizes = DisplaySizes.of(protocol, VIEWING);
        int faceWidth = (int) Math.round(VIEWING.pixels(5));
        assertThat(faceWidth).isEqualTo(75); // 2·57·tan(2.5°) = 4.98 cm of 53 cm at 800 px
        assertThat(sizes.fixationArmPx()).isEqualTo((int) Math.round(VIEWING.pixels(0.8) / 2));
        assertThat(sizes.textHeightPx()).isEqualTo((int) Math.round(VIEWING.pixels(0.5)));

        try (GlStage stage = new GlStage(800, 600)) {
            Raster white = new Raster(50, 40, filled(50 * 40 * 3, (byte) 255));
            try (Texture texture = Texture.of(white)) {
                StimulusScreen face = stage.screens.stimulus(texture, sizes.stimulus());
                assertThat(face.drawnWidth()).isEqualTo(faceWidth);
                assertThat(face.drawnHeight()).isEqualTo(60); // the image's aspect ratio kept
                Raster shot = stage.capture(face);
                int[] row = extent(shot, 300);
                assertThat(row[1] - row[0] + 1).as("drawn width read back").isEqualTo(faceWidth);
                assertThat(texture.samplesNearest()).as("scaled, so filtered bilinearly").isFalse();
            }
            Screens degreeScreens = new Screens(stage.fonts, 800, 600, sizes.fixationArmPx(),
                    org.tandem.presenter.screen.StationTexts.ENGLISH);
            int[] cross = extent(stage.capture(degreeScreens.fixation()), 300);
            assertThat(cross[1] - cross[0] + 1).isEqualTo(2 * sizes.fixationArmPx());
            try (Fonts text = Fonts.forBodyHeight(sizes.textHeightPx())) {
                assertThat(text.body().pixelHeight()).isEqualTo((float) sizes.textHeightPx());
            }
        }
    }

    @Test
    void degreesWithoutTheViewingGeometryAreRefusedAndNativePixelsStayTheDefault() throws Exception {
        assertThatThrownBy(() -> DisplaySizes.of(withDisplay("{\"stimulusWidthDeg\": 5}"), null))
                .isInstanceOf(TandemException.class).hasMessageContaining("--distance-cm and --screen-width-cm");
        Protocol plain = BuiltinProtocols.resolve("expression-6way").read();
        assertThat(DisplaySizes.of(plain, null)).isEqualTo(DisplaySizes.NATIVE);
        assertThat(DisplaySizes.of(plain, VIEWING).stimulus()).isInstanceOf(StimulusSize.Native.class);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
