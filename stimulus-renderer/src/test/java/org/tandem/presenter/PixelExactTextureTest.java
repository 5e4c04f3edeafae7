package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.Raster;

class PixelExactTextureTest {

    @Test
    void aRasterDrawnAtNativeSizeIsOnScreenPixelForPixel() {
        // odd width: rows are not 4-byte aligned, which catches a missing GL_UNPACK_ALIGNMENT 1
        Raster raster = noise(157, 123, 7);
        try (GlWindow window = GlWindow.open(WindowSettings.windowed(320, 240));
             Canvas canvas = new Canvas(window.width(), window.height());
             Texture texture = Texture.of(raster)) {
            canvas.clear(Colour.BACKGROUND);
            canvas.drawImage(texture, 31, 17, raster.width(), raster.height());
            Raster shown = Screenshot.region(canvas, 31, 17, raster.width(), raster.height());
            window.flip();

            assertThat(shown).isEqualTo(raster);
        }
    }

    @Test
    void theContextIsOpenGl33CoreWithTheRequestedSize() {
        try (GlWindow window = GlWindow.open(WindowSettings.windowed(320, 240))) {
            assertThat(window.width()).isEqualTo(320);
            assertThat(window.height()).isEqualTo(240);
            assertThat(org.lwjgl.opengl.GL.getCapabilities().OpenGL33).isTrue();
            assertThat(window.platform()).isEqualTo(GlPlatform.current());
        }
    }

    static Raster noise(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) random.nextInt(256);
        }
        return new Raster(width, height, rgb);
    }
}
