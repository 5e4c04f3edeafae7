package org.tandem.presenter.gamma;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tandem.protocols.TandemException;

/**
 * A photometer's readings of the display: grey levels (0-255, drawn full screen) and the luminance measured for each
 * (cd/m²), from a CSV with the columns {@code level} and {@code luminance}. Levels ascend, include 0 and 255, and the
 * luminance rises with them; anything else is refused with the file and line.
 */
public record GammaMeasurements(Path file, double[] levels, double[] luminances) {
    /** Fewer points leave the curve between black and white unknown. */
    public static final int MIN_POINTS = 5;

    public static GammaMeasurements read(Path file) {
        List<double[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            org.apache.commons.csv.CSVParser records = CSVFormat.DEFAULT.builder().setHeader()
                    .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).build().parse(in);
            if (!records.getHeaderNames().containsAll(java.util.List.of("level", "luminance"))) {
                throw new TandemException(file + ": the header must name the columns level and luminance, e.g."
                        + " level,luminance");
            }
            for (CSVRecord r : records) {
                double level = number(file, r, "level");
                double luminance = number(file, r, "luminance");
                if (level < 0 || level > 255 || level != Math.rint(level)) {
                    throw new TandemException(file + " line " + (r.getRecordNumber() + 1) + ": level " + r.get("level")
                            + " is not a grey level 0-255");
                }
                if (!(luminance >= 0)) {
                    throw new TandemException(file + " line " + (r.getRecordNumber() + 1) + ": luminance "
                            + r.get("luminance") + " must be a number of cd/m², 0 or more");
                }
                if (!rows.isEmpty() && level <= rows.get(rows.size() - 1)[0]) {
                    throw new TandemException(file + " line " + (r.getRecordNumber() + 1) + ": level " + (int) level
                            + " does not come after " + (int) rows.get(rows.size() - 1)[0] + "; list the levels in"
                            + " ascending order, each once");
                }
                if (!rows.isEmpty() && luminance <= rows.get(rows.size() - 1)[1]) {
                    throw new TandemException(file + " line " + (r.getRecordNumber() + 1) + ": luminance " + luminance
                            + " is not above the previous level's " + rows.get(rows.size() - 1)[1] + "; the display"
                            + " must get brighter with every level (measure again, with the room dark)");
                }
                rows.add(new double[] {level, luminance});
            }
        } catch (IOException e) {
            throw new TandemException("cannot read " + file + " (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TandemException(file + ": not a CSV with the columns level and luminance (" + e.getMessage()
                    + ")", e);
        }
        if (rows.size() < MIN_POINTS || rows.get(0)[0] != 0 || rows.get(rows.size() - 1)[0] != 255) {
            throw new TandemException(file + ": " + rows.size() + " measurements; give at least " + MIN_POINTS
                    + " levels from 0 to 255, including both (e.g. every 32nd level and 255)");
        }
        return new GammaMeasurements(file, rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray());
    }

    private static double number(Path file, CSVRecord r, String column) {
        try {
            return Double.parseDouble(r.get(column));
        } catch (NumberFormatException e) {
            throw new TandemException(String.format(Locale.ROOT, "%s line %d: %s '%s' is not a number", file,
                    r.getRecordNumber() + 1, column, r.get(column)));
        }
    }

    public int size() {
        return levels.length;
    }
}
