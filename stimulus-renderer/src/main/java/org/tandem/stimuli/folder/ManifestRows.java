package org.tandem.stimuli.folder;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.tandem.protocols.ProtocolReader;

/** The checks of one manifest row that are the same in CSV and JSON: required fields, levels and file paths. */
final class ManifestRows {

    private ManifestRows() {
    }

    /**
     * @param values   the row's standard fields by name (absent or blank: not given), already trimmed
     * @param reported standard fields whose value was unusable and already reported: no more problems about them
     * @return the row, or null when it has problems, each passed to {@code problems}
     */
    static ManifestRow check(int line, Map<String, String> values, Map<String, String> attributes, Set<String> reported,
                             Consumer<String> problems) {
        String file = blankToNull(values.get(ManifestFormat.FILE));
        String identity = blankToNull(values.get(ManifestFormat.IDENTITY));
        String expression = blankToNull(values.get(ManifestFormat.EXPRESSION));
        String continuum = blankToNull(values.get(ManifestFormat.CONTINUUM));
        String level = blankToNull(values.get(ManifestFormat.LEVEL));
        boolean ok = reported.isEmpty();
        if (file == null && reported.contains(ManifestFormat.FILE)) {
            ok = false;
        } else if (file == null) {
            problems.accept("no file; every row names an image file, relative to the manifest's folder");
            ok = false;
        } else {
            String problem = pathProblem(file);
            if (problem != null) {
                problems.accept(problem);
                ok = false;
            }
            file = file.replace('\\', '/');
        }
        if (identity == null && !reported.contains(ManifestFormat.IDENTITY)) {
            problems.accept("no identity; every row says whose face the image shows");
            ok = false;
        }
        if (reported.contains(ManifestFormat.EXPRESSION) || reported.contains(ManifestFormat.CONTINUUM)
                || reported.contains(ManifestFormat.LEVEL)) {
            ok = false;
        } else if (expression != null && continuum != null) {
            problems.accept("both expression '" + expression + "' and continuum '" + continuum + "'; a prototype has an"
                    + " expression, a morph has a continuum and a level");
            ok = false;
        } else if (expression == null && continuum == null) {
            problems.accept("neither expression nor continuum; give the expression of a prototype, or the continuum and"
                    + " level of a morph");
            ok = false;
        } else if (expression != null && level != null) {
            problems.accept("level " + level + " without a continuum; only morphs have a level");
            ok = false;
        } else if (continuum != null && level == null) {
            problems.accept("continuum '" + continuum + "' needs a level (percent of its far end, 0–100)");
            ok = false;
        } else if (continuum != null) {
            String problem = levelProblem(level);
            if (problem != null) {
                problems.accept(problem);
                ok = false;
            } else {
                level = ProtocolReader.canonicalNumber(new BigDecimal(level));
            }
        }
        return ok ? new ManifestRow(line, file, identity, expression, continuum, level, attributes) : null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String levelProblem(String level) {
        BigDecimal value;
        try {
            value = new BigDecimal(level);
        } catch (NumberFormatException e) {
            return "level '" + level + "' is not a number; give the percent of the continuum's far end, 0–100";
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            return "level " + level + " is outside 0–100 (percent of the continuum's far end)";
        }
        return null;
    }

    /** Files must stay inside the set's folder, so a set can be moved or shared as one folder. */
    private static String pathProblem(String file) {
        String path = file.replace('\\', '/');
        boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:.*");
        boolean escapes = List.of(path.split("/")).contains("..");
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            return "file '" + file + "' is not a usable file name (" + e.getReason() + ")";
        }
        if (absolute || escapes) {
            return "file '" + file + "' must be a path inside the manifest's folder, relative to it (no leading /, drive"
                    + " letter or ..)";
        }
        return null;
    }
}
