package org.tandem.stimuli.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.io.RasterFiles;

/** Real image files for stimulus-set tests. */
final class TestImages {

    private TestImages() {
    }

    /** A raster whose pixels encode their position and a tag, so that every test image is different. */
    static Raster raster(int width, int height, int tag) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (x * 10);
                rgb[i + 1] = (byte) (y * 10);
                rgb[i + 2] = (byte) tag;
            }
        }
        return new Raster(width, height, rgb);
    }

    /** Writes a PNG (creating folders) and returns the raster written. */
    static Raster png(Path file, int width, int height, int tag) {
        Raster raster = raster(width, height, tag);
        RasterFiles.writePng(raster, file);
        return raster;
    }

    static void jpeg(Path file, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, "jpeg", file.toFile())) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void text(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
