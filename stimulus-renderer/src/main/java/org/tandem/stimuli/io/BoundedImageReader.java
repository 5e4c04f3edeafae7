package org.tandem.stimuli.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.tandem.protocols.TandemException;

/**
 * The one place Tandem decodes an image file a user gives it. Width and height are read from the file's header first,
 * without decoding pixels, and an image with a side over {@link #MAX_SIDE} is refused before any pixel memory is taken:
 * a small compressed file can claim a huge image (a 50 KB PNG can be 20000 × 20000) and would otherwise exhaust memory.
 * Then the first image of the file is decoded. A file that is not an image, is damaged or ends early is refused; every
 * refusal is one line naming the file.
 */
public final class BoundedImageReader {
    /** The largest width or height accepted, in pixels; documented in docs/STIMULI.md and docs/OBSERVERS.md. */
    public static final int MAX_SIDE = 8192;

    private BoundedImageReader() {
    }

    /**
     * @throws TandemException naming the file when it is missing, a folder, unreadable, not an image ImageIO can decode,
     *                         damaged or truncated, or wider or taller than {@link #MAX_SIDE}
     */
    public static BufferedImage read(Path file) {
        if (Files.isDirectory(file)) {
            throw new TandemException(file + " is a folder, not an image file; give the path of a PNG, JPEG, BMP or GIF file");
        }
        if (!Files.exists(file)) {
            throw new TandemException("image file " + file + " does not exist; check the file name and folder");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = in == null ? null : firstReader(in);
            if (reader == null) {
                throw new TandemException("cannot read image " + file + ": it is not a PNG, JPEG, BMP or GIF image"
                        + " (no image decoder recognises its content); convert it, or leave it out");
            }
            try {
                reader.setInput(in, true, true);
                requireBounded(file, reader.getWidth(0), reader.getHeight(0));
                List<String> endedEarly = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (endsEarly(warning)) {
                        endedEarly.add(warning);
                    }
                });
                BufferedImage image = reader.read(0);
                if (!endedEarly.isEmpty()) {
                    throw damaged(file, String.join(", ", endedEarly), null);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (TandemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders throw runtime exceptions on some corrupt files too; either way the file is at fault.
            throw damaged(file, describe(e), e);
        }
    }

    private static ImageReader firstReader(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? readers.next() : null;
    }

    private static void requireBounded(Path file, int width, int height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new TandemException("image " + file + " is " + width + " × " + height + " pixels, over Tandem's limit"
                    + " of " + MAX_SIDE + " pixels a side; scale it down (stimuli are shown far smaller) and use the copy");
        }
    }

    /**
     * JPEG decoders do not fail on a file that ends early: they warn and fill the rest with grey. Those warnings make the
     * image damaged; others (such as an ignored colour profile) leave it usable.
     */
    private static boolean endsEarly(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("truncated") || w.contains("premature end");
    }

    private static TandemException damaged(Path file, String why, Throwable cause) {
        return new TandemException("cannot read image " + file + ": " + why
                + "; the file is damaged, cut short or not an image, replace it or leave it out", cause);
    }

    /** The exception's message, or its class name when it has none (an EOFException usually has none). */
    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
