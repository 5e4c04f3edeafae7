package org.tandem.stimuli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * Real files of every layout ImageIO decodes to, written by ImageIO into a temporary folder, read back sample by sample
 * against the values put in.
 */
class RasterFilesTest {

    @TempDir
    Path dir;

    private Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).as("ImageIO writes %s", format).isTrue();
        return file;
    }

    private static int[] pixel(Raster raster, int x, int y) {
        return new int[] {raster.sample(x, y, 0), raster.sample(x, y, 1), raster.sample(x, y, 2)};
    }

    @Test
    void greyPngIsReadRawIntoAllThreeChannels() throws IOException {
        BufferedImage grey = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = {0, 64, 128, 255};
        grey.getRaster().setPixels(0, 0, 4, 1, values);
        Raster raster = RasterFiles.read(write(grey, "png", "grey.png"));

        assertThat(raster.width()).isEqualTo(4);
        assertThat(raster.height()).isEqualTo(1);
        for (int x = 0; x < 4; x++) {
            // getRGB would brighten the middle greys: it takes ImageIO's grey as linear and gamma-encodes it
            assertThat(pixel(raster, x, 0)).containsExactly(values[x], values[x], values[x]);
        }
    }

    @Test
    void sixteenBitGreyIsRescaledToEightBitsRoundedToNearest() throws IOException {
        BufferedImage grey = new BufferedImage(5, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setPixels(0, 0, 5, 1, new int[] {0, 32767, 32768, 257 * 100, 65535});
        Raster raster = RasterFiles.read(write(grey, "png", "grey16.png"));

        // 32767 * 255 / 65535 = 127.498, 32768 * 255 / 65535 = 127.502
        assertThat(raster.rgb()).containsExactly(toBytes(0, 0, 0, 127, 127, 127, 128, 128, 128, 100, 100, 100, 255, 255, 255));
    }

    @Test
    void rgbPngRoundTripsExactlyAndRowMajor() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x010203);
        image.setRGB(1, 0, 0xFF0000);
        image.setRGB(2, 0, 0x00FF00);
        image.setRGB(0, 1, 0x0000FF);
        image.setRGB(1, 1, 0x808080);
        image.setRGB(2, 1, 0xFEDCBA);
        Raster raster = RasterFiles.read(write(image, "png", "rgb.png"));

        assertThat(raster.rgb()).containsExactly(toBytes(
                1, 2, 3, 255, 0, 0, 0, 255, 0,
                0, 0, 255, 128, 128, 128, 0xFE, 0xDC, 0xBA));
    }

    @Test
    void alphaIsDroppedNotComposited() throws IOException {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x000A141E);   // fully transparent (10, 20, 30)
        image.setRGB(1, 0, 0x80C86432);   // half transparent (200, 100, 50)
        image.setRGB(2, 0, 0xFF010203);   // opaque (1, 2, 3)
        Raster raster = RasterFiles.read(write(image, "png", "alpha.png"));

        assertThat(raster.rgb()).containsExactly(toBytes(10, 20, 30, 200, 100, 50, 1, 2, 3));
    }

    @Test
    void greyWithAlphaKeepsTheGrey() throws IOException {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster samples = model.createCompatibleWritableRaster(2, 1);
        samples.setPixels(0, 0, 2, 1, new int[] {100, 0, 200, 255});
        BufferedImage image = new BufferedImage(model, samples, false, null);
        Raster raster = RasterFiles.read(write(image, "png", "grey-alpha.png"));

        assertThat(raster.rgb()).containsExactly(toBytes(100, 100, 100, 200, 200, 200));
    }

    @Test
    void paletteImagesGiveThePaletteColours() throws IOException {
        int[][] colours = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {17, 34, 51}};
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < colours.length; i++) {
            r[i] = (byte) colours[i][0];
            g[i] = (byte) colours[i][1];
            b[i] = (byte) colours[i][2];
        }
        // 8x8: the JDK's GIF writer garbles images only a few pixels wide
        int[] indices = new int[64];
        byte[] expected = new byte[64 * 3];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (i * 7 + 3) % 4;
            for (int c = 0; c < 3; c++) {
                expected[i * 3 + c] = (byte) colours[indices[i]][c];
            }
        }
        // 2-bit packed indices (PNG) and one byte per index (GIF, BMP)
        BufferedImage packed = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(2, 4, r, g, b));
        packed.getRaster().setPixels(0, 0, 8, 8, indices);
        BufferedImage bytes = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b));
        bytes.getRaster().setPixels(0, 0, 8, 8, indices);

        assertThat(RasterFiles.read(write(packed, "png", "palette.png")).rgb()).containsExactly(expected);
        assertThat(RasterFiles.read(write(bytes, "gif", "palette.gif")).rgb()).containsExactly(expected);
        assertThat(RasterFiles.read(write(bytes, "bmp", "palette.bmp")).rgb()).containsExactly(expected);
    }

    @Test
    void twentyFourBitBmpRoundTripsExactly() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR);
        image.getRaster().setPixels(0, 0, 2, 2, new int[] {1, 2, 3, 40, 50, 60, 70, 80, 90, 253, 254, 255});
        Raster raster = RasterFiles.read(write(image, "bmp", "rgb.bmp"));

        assertThat(raster.rgb()).containsExactly(toBytes(1, 2, 3, 40, 50, 60, 70, 80, 90, 253, 254, 255));
    }

    @Test
    void sixteenBitBmpChannelsAreRescaled() throws IOException {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_565_RGB);
        image.getRaster().setPixel(0, 0, new int[] {31, 32, 16});
        Raster raster = RasterFiles.read(write(image, "bmp", "rgb565.bmp"));

        // 31/31 -> 255, 32/63 * 255 = 129.52 -> 130, 16/31 * 255 = 131.6 -> 132
        assertThat(pixel(raster, 0, 0)).containsExactly(255, 130, 132);
    }

    @Test
    void jpegColourAndGreyAreCloseToWhatWasEncoded() throws IOException {
        BufferedImage colour = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        int[] flatColour = new int[16 * 16 * 3];
        for (int i = 0; i < flatColour.length; i += 3) {
            flatColour[i] = 200;
            flatColour[i + 1] = 100;
            flatColour[i + 2] = 50;
        }
        colour.getRaster().setPixels(0, 0, 16, 16, flatColour);
        int[] flatGrey = new int[16 * 16];
        Arrays.fill(flatGrey, 128);
        grey.getRaster().setPixels(0, 0, 16, 16, flatGrey);

        Raster c = RasterFiles.read(write(colour, "jpeg", "colour.JPG"));
        Raster g = RasterFiles.read(write(grey, "jpeg", "grey.jpeg"));

        assertThat(c.width()).isEqualTo(16);
        assertThat(c.height()).isEqualTo(16);
        assertThat(pixel(c, 7, 7)).satisfies(p -> {
            assertThat(p[0]).isBetween(197, 203);
            assertThat(p[1]).isBetween(97, 103);
            assertThat(p[2]).isBetween(47, 53);
        });
        assertThat(pixel(g, 7, 7)).containsExactly(pixel(g, 7, 7)[0], pixel(g, 7, 7)[0], pixel(g, 7, 7)[0]);
        assertThat(pixel(g, 7, 7)[0]).isBetween(127, 129);
    }

    @Test
    void writePngIsLosslessAndReplacesAnExistingFile() {
        byte[] rgb = new byte[7 * 5 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 37 + 11);
        }
        Raster first = new Raster(7, 5, rgb);
        Raster second = new Raster(2, 1, toBytes(9, 8, 7, 6, 5, 4));
        Path file = dir.resolve("nested/folder/out.png");

        RasterFiles.writePng(first, file);
        assertThat(RasterFiles.read(file)).isEqualTo(first);
        RasterFiles.writePng(second, file);
        assertThat(RasterFiles.read(file)).isEqualTo(second);
    }

    @Test
    void writePngLeavesNoTemporaryFileBehind() throws IOException {
        RasterFiles.writePng(new Raster(1, 1, toBytes(1, 2, 3)), dir.resolve("one.png"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("one.png");
        }
    }

    @Test
    void writePngFailureNamesTheFileAndLeavesNothing() throws IOException {
        Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Path target = dir.resolve("blocker/out.png");
        assertThatThrownBy(() -> RasterFiles.writePng(new Raster(1, 1, toBytes(1, 2, 3)), target))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(target.toString());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.png");
        assertThatThrownBy(() -> RasterFiles.read(missing))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void folderIsNamed() {
        assertThatThrownBy(() -> RasterFiles.read(dir))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("folder");
    }

    @Test
    void textFileWithAnImageNameIsNamed() throws IOException {
        Path text = dir.resolve("not-really.png");
        Files.writeString(text, "this is not an image", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RasterFiles.read(text))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(text.toString())
                .hasMessageContaining("not a PNG, JPEG, BMP or GIF");
    }

    @Test
    void truncatedPngIsNamed() throws IOException {
        Path whole = write(gradient(64), "png", "whole.png");
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, Arrays.copyOf(bytes, 60));

        assertThatThrownBy(() -> RasterFiles.read(truncated))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining(truncated.toString());
    }

    @Test
    void eightBitSamplesAreKeptAndOtherDepthsRoundToNearest() {
        assertThat(RasterFiles.to8Bits(200, 8)).isEqualTo(200);
        assertThat(RasterFiles.to8Bits(1, 1)).isEqualTo(255);
        assertThat(RasterFiles.to8Bits(1, 2)).isEqualTo(85);
        assertThat(RasterFiles.to8Bits(2, 4)).isEqualTo(34);
        assertThat(RasterFiles.to8Bits(65535, 16)).isEqualTo(255);
    }

    /** An image whose every pixel differs from its neighbours, so compressed files of it have data all through. */
    static BufferedImage gradient(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, x * 4 << 16 | y * 4 << 8 | (x ^ y));
            }
        }
        return image;
    }

    static byte[] toBytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
