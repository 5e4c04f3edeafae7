package org.tandem.stimuli.folder;

import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.TandemException;

/**
 * The face box of an image in a manifest: the optional columns {@code face_x, face_y, face_width, face_height}, in pixels
 * of the image as stored (origin top left). Tandem's own stimulus commands write them for the faces they draw, so a
 * network sees a folder of Tandem's faces exactly as it sees the built-in set; a lab adds them for its own photographs.
 */
public final class FaceBoxColumns {
    public static final String X = "face_x";
    public static final String Y = "face_y";
    public static final String WIDTH = "face_width";
    public static final String HEIGHT = "face_height";
    public static final List<String> NAMES = List.of(X, Y, WIDTH, HEIGHT);

    private FaceBoxColumns() {
    }

    /** The four columns for a box, rounded to 0.01 pixel so manifests stay readable. */
    public static Map<String, String> of(Rectangle2D box) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(X, text(box.getX()));
        columns.put(Y, text(box.getY()));
        columns.put(WIDTH, text(box.getWidth()));
        columns.put(HEIGHT, text(box.getHeight()));
        return columns;
    }

    /** The attributes with the box replaced (or added). */
    public static Map<String, String> with(Map<String, String> attributes, Rectangle2D box) {
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        changed.putAll(of(box));
        return changed;
    }

    /**
     * The box an entry's columns give, or null when it has none of them.
     *
     * @param where names the manifest and file in an error, e.g. {@code manifest.csv, file 01_happy.png}
     * @throws TandemException when some of the columns are there but not all, or one is not a number or not positive
     */
    public static Rectangle2D read(Map<String, String> attributes, String where) {
        Map<String, String> lower = new LinkedHashMap<>();
        attributes.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        long given = NAMES.stream().filter(n -> lower.get(n) != null && !lower.get(n).isBlank()).count();
        if (given == 0) {
            return null;
        }
        if (given < NAMES.size()) {
            throw new TandemException(where + ": give all of " + String.join(", ", NAMES) + " or none; some are empty");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            String name = NAMES.get(i);
            try {
                v[i] = Double.parseDouble(lower.get(name).trim());
            } catch (NumberFormatException e) {
                throw new TandemException(where + ": " + name + " '" + lower.get(name) + "' is not a number of pixels");
            }
            if (!Double.isFinite(v[i]) || (i >= 2 && v[i] <= 0)) {
                throw new TandemException(where + ": " + name + " must be " + (i >= 2 ? "above 0" : "a finite number")
                        + ", got " + lower.get(name));
            }
        }
        return new Rectangle2D.Double(v[0], v[1], v[2], v[3]);
    }

    private static String text(double value) {
        return java.math.BigDecimal.valueOf(Math.round(value * 100) / 100.0).stripTrailingZeros().toPlainString();
    }
}
