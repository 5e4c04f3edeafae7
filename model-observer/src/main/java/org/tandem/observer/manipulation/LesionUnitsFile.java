package org.tandem.observer.manipulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tandem.protocols.TandemException;

/**
 * Reads the units a lesion file lists: a CSV with a header holding a {@code unit} column (an index into the layer's
 * flattened activations) and, optionally, a {@code layer} column, in which case only that layer's rows count. The files
 * {@code tandem units --per-unit} writes qualify once filtered to the units wanted.
 */
public final class LesionUnitsFile {

    private LesionUnitsFile() {
    }

    public static UnitLesion read(Path file, String layer) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new TandemException("lesion file " + file + " does not exist; give a CSV with a unit column");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            throw new TandemException("lesion file " + file + " is empty; it needs a header with a unit column");
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int unitColumn = header.indexOf("unit");
        int layerColumn = header.indexOf("layer");
        if (unitColumn < 0) {
            throw new TandemException("lesion file " + file + " has no unit column in its header line; name the"
                    + " column of unit indices 'unit'");
        }
        List<Integer> units = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) {
                throw new TandemException("lesion file " + file + " line " + (i + 1) + " has " + cells.length
                        + " fields, the header " + header.size());
            }
            if (layerColumn >= 0 && !cells[layerColumn].equals(layer)) {
                continue;
            }
            try {
                int unit = Integer.parseInt(cells[unitColumn].trim());
                if (unit < 0) {
                    throw new NumberFormatException();
                }
                units.add(unit);
            } catch (NumberFormatException e) {
                throw new TandemException("lesion file " + file + " line " + (i + 1) + ": unit '" + cells[unitColumn]
                        + "' is not a whole number of 0 or more");
            }
        }
        if (units.isEmpty()) {
            throw new TandemException("lesion file " + file + " lists no unit" + (layerColumn >= 0 ? " of layer "
                    + layer : "") + "; a lesion must silence at least one unit");
        }
        return UnitLesion.zero(layer, units.stream().mapToInt(Integer::intValue).toArray());
    }
}
