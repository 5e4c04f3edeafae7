package org.tandem.stimuli.folder;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two manifest formats, with the same fields: {@code file} (relative to the manifest's folder), {@code identity},
 * {@code expression} for a prototype or {@code continuum} and {@code level} (percent of the continuum's far end, 0–100)
 * for a morph. Further columns or fields are kept as attributes of the entry.
 * <ul>
 *   <li>{@code manifest.csv}: a header row naming the columns (any order, any case), then one row per image;</li>
 *   <li>{@code manifest.json}: an array of objects, one per image; a level may be a number or text.</li>
 * </ul>
 */
public enum ManifestFormat {
    CSV("manifest.csv"),
    JSON("manifest.json");

    public static final String FILE = "file";
    public static final String IDENTITY = "identity";
    public static final String EXPRESSION = "expression";
    public static final String CONTINUUM = "continuum";
    public static final String LEVEL = "level";

    /** The standard fields, in the order they are written. */
    public static final List<String> FIELDS = List.of(FILE, IDENTITY, EXPRESSION, CONTINUUM, LEVEL);

    private final String fileName;

    ManifestFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The name a set's manifest has in its folder. */
    public String fileName() {
        return fileName;
    }

    /** The format of a manifest file given by path, by its extension ({@code .csv} or {@code .json}, any case). */
    public static Optional<ManifestFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }
}
