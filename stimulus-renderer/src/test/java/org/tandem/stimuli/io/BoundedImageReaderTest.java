package org.tandem.stimuli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/** Real image files, some huge by their header and tiny on disk, some cut short, read as users' images are. */
class BoundedImageReaderTest {

    @TempDir
    Path dir;

    @Test
    void aHugeImageIsRefusedFromItsHeaderInSecondsWithoutRunningOutOfMemory() throws IOException {
        Path huge = BlackPng.write(dir.resolve("huge.png"), 20000, 20000);
        assertThat(Files.size(huge)).isLessThan(100_000);
        // Decoding it would take 1.2 GB for the raster alone; the header says enough to refuse it. The bound is generous:
        // reading a header takes milliseconds.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> RasterFiles.read(huge))
                        .isInstanceOf(TandemException.class)
                        .hasMessage("image " + huge + " is 20000 × 20000 pixels, over Tandem's limit of 8192 pixels a"
                                + " side; scale it down (stimuli are shown far smaller) and use the copy"));
    }

    @Test
    void eitherSideOverTheLimitIsRefusedAndTheLimitItselfIsRead() throws IOException {
        Path wide = BlackPng.write(dir.resolve("wide.png"), 8193, 1);
        Path tall = BlackPng.write(dir.resolve("tall.png"), 1, 8193);
        Path widest = BlackPng.write(dir.resolve("widest.png"), 8192, 2);
        assertThatThrownBy(() -> RasterFiles.read(wide)).hasMessageContaining("is 8193 × 1 pixels, over");
        assertThatThrownBy(() -> RasterFiles.read(tall)).hasMessageContaining("is 1 × 8193 pixels, over");
        Raster read = RasterFiles.read(widest);
        assertThat(read.width()).isEqualTo(8192);
        assertThat(read.height()).isEqualTo(2);
        assertThat(read.rgb()).containsOnly((byte) 0);
    }

    @Test
    void aJpegCutShortIsRefusedThoughItsDecoderOnlyWarns() throws IOException {
        Path whole = dir.resolve("whole.jpg");
        assertThat(ImageIO.write(RasterFilesTest.gradient(64), "jpeg", whole.toFile())).isTrue();
        assertThat(RasterFiles.read(whole).width()).isEqualTo(64);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 9 / 10));

        assertThatThrownBy(() -> RasterFiles.read(cut))
                .isInstanceOf(TandemException.class)
                .hasMessageStartingWith("cannot read image " + cut + ": ")
                .hasMessageContaining("Missing EOI marker")
                .hasMessageNotContaining("\n");
    }

    @Test
    void bmpAndGifCutShortAreRefusedNamingTheFile() throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
        for (String format : new String[] {"bmp", "gif"}) {
            Path whole = dir.resolve("whole." + format);
            assertThat(ImageIO.write(image, format, whole.toFile())).isTrue();
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = dir.resolve("cut." + format);
            Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> RasterFiles.read(cut))
                    .isInstanceOf(TandemException.class)
                    .hasMessageStartingWith("cannot read image " + cut + ": ")
                    .hasMessageContaining("damaged, cut short or not an image");
        }
    }
}
