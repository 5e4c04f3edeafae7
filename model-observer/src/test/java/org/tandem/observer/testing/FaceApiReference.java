package org.tandem.observer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tandem.protocols.observer.Raster;

/**
 * face-api's own outputs and inputs for three demo faces, kept in the shared reference folder beside the checkout
 * ({@code shared/reference/faceapi}): found by walking up from the working directory.
 */
public final class FaceApiReference {
    private static Path dir;
    private static JsonNode expected;

    private FaceApiReference() {
    }

    public static synchronized Path faces() {
        if (dir == null) {
            Path start = Path.of("").toAbsolutePath();
            for (Path p = start; p != null && dir == null; p = p.getParent()) {
                for (Path candidate : new Path[] {p.resolve("shared/reference/faceapi"), p.resolveSibling("shared/reference/faceapi")}) {
                    if (Files.isDirectory(candidate.resolve("faces"))) {
                        dir = candidate.resolve("faces");
                        break;
                    }
                }
            }
            if (dir == null) {
                throw new IllegalStateException("no shared/reference/faceapi/faces folder above " + start
                        + " or beside its ancestors; check out the shared reference data next to the repository");
            }
        }
        return dir;
    }

    public static synchronized JsonNode face(int k) {
        if (expected == null) {
            try {
                expected = new ObjectMapper().readTree(faces().resolve("expected.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected.path("faces").path(String.valueOf(k));
    }

    public static float[] floats(int face, String key) {
        JsonNode a = face(face).path(key);
        if (!a.isArray()) {
            throw new IllegalStateException("expected.json has no array " + key + " for face " + face);
        }
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) a.get(i).asDouble();
        }
        return f;
    }

    /** The crop face-api handed to network {@code net} (expression, agegender, recognition, landmarks) for face {@code k}. */
    public static Raster crop(int k, String net) {
        return readPng(faces().resolve("face" + k + "_" + net + "_crop.png"));
    }

    /** Raw samples, not getRGB(): no colour management may touch the pixels. */
    public static Raster readPng(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            java.awt.image.Raster r = image.getRaster();
            int w = image.getWidth();
            int h = image.getHeight();
            byte[] rgb = new byte[w * h * 3];
            int[] px = new int[r.getNumBands()];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    r.getPixel(x, y, px);
                    for (int c = 0; c < 3; c++) {
                        rgb[(y * w + x) * 3 + c] = (byte) px[c];
                    }
                }
            }
            return new Raster(w, h, rgb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static float[] readF32(String name) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(faces().resolve(name))).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
