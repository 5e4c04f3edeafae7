package org.tandem.stimuli.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * Reads image files into {@link Raster}s and writes rasters as PNG.
 *
 * <p>Reading goes through ImageIO (PNG, JPEG, BMP and GIF are always available; the first frame of an animated GIF), at
 * most {@link BoundedImageReader#MAX_SIDE} pixels a side, and takes the decoded samples as they are, whatever layout the
 * decoder chose:
 * <ul>
 *   <li>RGB images (any band order, packed or not): the red, green and blue samples;</li>
 *   <li>greyscale images: the grey sample, copied to all three channels. The samples are taken raw on purpose:
 *       {@code BufferedImage.getRGB} treats ImageIO's grey images as linear and brightens them (128 becomes about 186);</li>
 *   <li>palette images (GIF, 8-bit PNG and BMP): the palette colour of each index;</li>
 *   <li>samples of other depths (16-bit PNG, 5-bit BMP channels) are rescaled to 0..255, rounded to nearest;</li>
 *   <li>alpha is dropped, not composited: a transparent pixel keeps the colour stored under it;</li>
 *   <li>anything else (e.g. an image in another colour space) is converted by {@code getRGB}.</li>
 * </ul>
 * No colour management is applied (embedded ICC profiles are ignored), so the bytes are those stored in the file.
 *
 * <p>Writing is lossless (8-bit RGB PNG) and atomic: the PNG is written to a hidden temporary file in the target's
 * folder and moved into place, so a reader never sees half a file.
 */
public final class RasterFiles {

    private RasterFiles() {
    }

    /**
     * Reads an image file through {@link BoundedImageReader}, so its size is checked before it is decoded.
     *
     * @throws TandemException naming the file when it is missing, is a folder, cannot be read, is not an image that
     *                         ImageIO can decode, is damaged or cut short, or is over {@link BoundedImageReader#MAX_SIDE}
     *                         pixels a side
     */
    public static Raster read(Path file) {
        return toRaster(BoundedImageReader.read(file));
    }

    /**
     * Writes {@code raster} as an 8-bit RGB PNG, creating missing parent folders and replacing an existing file.
     *
     * @throws TandemException naming the file when it cannot be written
     */
    public static void writePng(Raster raster, Path file) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (!ImageIO.write(toImage(raster), "png", out)) {
                    throw new IllegalStateException("no PNG writer in this Java runtime");
                }
            }
            moveIntoPlace(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new TandemException("cannot write PNG " + file + ": " + BoundedImageReader.describe(e)
                    + "; check that the folder exists, is writable and that the disk is not full", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The RGB samples of a decoded image, by the rules in the class comment. */
    public static Raster toRaster(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (model.isAlphaPremultiplied()) {
            image.coerceData(false);
            model = image.getColorModel();
        }
        int width = image.getWidth();
        int height = image.getHeight();
        WritableRaster samples = image.getRaster();
        byte[] rgb = new byte[width * height * 3];
        int transfer = samples.getTransferType();
        boolean integral = transfer != DataBuffer.TYPE_FLOAT && transfer != DataBuffer.TYPE_DOUBLE;
        int space = model.getColorSpace().getType();
        if (model instanceof IndexColorModel palette) {
            for (int y = 0, i = 0; y < height; y++) {
                for (int x = 0; x < width; x++, i += 3) {
                    int index = samples.getSample(x, y, 0);
                    rgb[i] = (byte) palette.getRed(index);
                    rgb[i + 1] = (byte) palette.getGreen(index);
                    rgb[i + 2] = (byte) palette.getBlue(index);
                }
            }
        } else if (integral && space == ColorSpace.TYPE_GRAY) {
            int bits = model.getComponentSize(0);
            for (int y = 0, i = 0; y < height; y++) {
                for (int x = 0; x < width; x++, i += 3) {
                    byte grey = (byte) to8Bits(samples.getSample(x, y, 0), bits);
                    rgb[i] = grey;
                    rgb[i + 1] = grey;
                    rgb[i + 2] = grey;
                }
            }
        } else if (integral && space == ColorSpace.TYPE_RGB) {
            int[] bits = {model.getComponentSize(0), model.getComponentSize(1), model.getComponentSize(2)};
            for (int y = 0, i = 0; y < height; y++) {
                for (int x = 0; x < width; x++, i += 3) {
                    for (int c = 0; c < 3; c++) {
                        rgb[i + c] = (byte) to8Bits(samples.getSample(x, y, c), bits[c]);
                    }
                }
            }
        } else {
            for (int y = 0, i = 0; y < height; y++) {
                for (int x = 0; x < width; x++, i += 3) {
                    int argb = image.getRGB(x, y);
                    rgb[i] = (byte) (argb >> 16);
                    rgb[i + 1] = (byte) (argb >> 8);
                    rgb[i + 2] = (byte) argb;
                }
            }
        }
        return new Raster(width, height, rgb);
    }

    /** A sample of {@code bits} bits rescaled to 0..255, rounded to nearest (halves up). */
    static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        long max = (1L << bits) - 1;
        return (int) ((sample * 255L * 2 + max) / (2 * max));
    }

    /** An 8-bit RGB image holding exactly the raster's pixels. */
    public static BufferedImage toImage(Raster raster) {
        int width = raster.width();
        int height = raster.height();
        byte[] rgb = raster.rgb();
        int[] samples = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            samples[i] = rgb[i] & 0xFF;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        image.getRaster().setPixels(0, 0, width, height, samples);
        return image;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write already failed; that failure is the one to report
            }
        }
    }
}
