package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tandem.presenter.gamma.GammaFit;
import org.tandem.protocols.observer.Raster;

/**
 * The display's linearisation in the fragment shader, read back: with a gamma-2.2 table, a shape, an image and the
 * cleared background asked for at half luminance are all drawn at grey level 186 (0.5^(1/2.2) of 255); without one,
 * they stay 128.
 */
class LinearisationTest {
    @Test
    void halfLuminanceIsDrawnAtTheGreyLevelTheGammaAsksFor() {
        try (GlStage stage = new GlStage(64, 48)) {
            Raster image = new Raster(8, 8, filled(8 * 8 * 3, (byte) 128));
            try (Texture texture = Texture.of(image)) {
                Screen scene = canvas -> {
                    canvas.fillRect(0, 0, 16, 16, Colour.grey(128));
                    canvas.drawImage(texture, 40, 30, 8, 8);
                };
                Raster plain = stage.capture(scene);
                assertThat(plain.sample(5, 5, 0)).isEqualTo(128);
                assertThat(plain.sample(44, 34, 0)).isEqualTo(128);
                assertThat(plain.sample(30, 5, 0)).as("background").isEqualTo(128);

                stage.canvas.useLinearisation(GammaFit.powerLawLut(2.2));
                Raster linear = stage.capture(scene);
                for (int c = 0; c < 3; c++) {
                    assertThat(linear.sample(5, 5, c)).as("shape").isEqualTo(186);
                    assertThat(linear.sample(44, 34, c)).as("image").isEqualTo(186);
                    assertThat(linear.sample(30, 5, c)).as("background").isEqualTo(186);
                }
                assertThat(stage.capture(canvas -> canvas.fillRect(0, 0, 16, 16, Colour.WHITE)).sample(5, 5, 0))
                        .isEqualTo(255);
                stage.canvas.useLinearisation(null);
                assertThat(stage.capture(scene).sample(5, 5, 0)).isEqualTo(128);
            }
        }
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
