package org.tandem.observer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.tandem.protocols.observer.Raster;

/**
 * face-api's own outputs and inputs for three demo faces, kept in this module's test resources
 * ({@code src/test/resources/faceapi-reference}, where a README says how they were made).
 */
public final class FaceApiReference {
    private static final String FOLDER = "/faceapi-reference/";
    private static JsonNode expected;

    private FaceApiReference() {
    }

    /**
     * A reference file as a file on disk: the resource itself when the test classes are a folder, otherwise (another
     * module reading this one's test jar) a copy in a temporary folder, so command-line tests can pass its path.
     */
    public static synchronized Path file(String name) {
        URL url = FaceApiReference.class.getResource(FOLDER + name);
        if (url == null) {
            throw new IllegalStateException("test resource faceapi-reference/" + name + " is missing");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = extracted().resolve(name);
            if (!Files.exists(copy)) {
                Files.createDirectories(copy.getParent());
                try (InputStream in = url.openStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extractedFolder;

    private static Path extracted() throws IOException {
        if (extractedFolder == null) {
            extractedFolder = Files.createTempDirectory("faceapi-reference");
            extractedFolder.toFile().deleteOnExit();
        }
        return extractedFolder;
    }

    public static synchronized JsonNode face(int k) {
        if (expected == null) {
            try {
                expected = new ObjectMapper().readTree(file("expected.json").toFile());
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
    public static Path cropFile(int k, String net) {
        return file("face" + k + "_" + net + "_crop.png");
    }

    public static Raster crop(int k, String net) {
        return readPng(cropFile(k, net));
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
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file(name))).order(ByteOrder.LITTLE_ENDIAN);
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
