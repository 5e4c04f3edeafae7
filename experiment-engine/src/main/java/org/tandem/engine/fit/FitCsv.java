package org.tandem.engine.fit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tandem.analysis.psychometric.BinomialCounts;
import org.tandem.protocols.TandemException;

/**
 * Reads psychometric data from a CSV file with a header: aggregated rows {@code level,k,n} (k "yes"/correct of n
 * trials) or trial rows {@code level,response} (response 0 or 1). Column names are case-insensitive and other columns
 * are ignored, so a tidy export with a level and a 0/1 response column reads as it is. Rows are added up per level as
 * they are read, so a file of millions of trial rows takes little memory.
 *
 * <p>Refused, naming the line: a column named twice, a level that is not a finite number or lies beyond
 * ±{@link #MAX_ABS_LEVEL}, a negative count, k above n, and counts that add up to more trials than a fit holds
 * ({@link #MAX_TRIALS}; the sums are kept in 64 bits, so they cannot wrap round on the way).
 */
public final class FitCsv {
    /**
     * The largest level magnitude read. No stimulus scale needs more, and the fit works on differences of levels and
     * their squares, which lose every digit of precision long before a double overflows: such a level is a typo or a
     * unit mix-up (nanoseconds, raw counts).
     */
    public static final double MAX_ABS_LEVEL = 1e12;
    /** The most trials the counts may add up to, over all levels: what {@link BinomialCounts} holds. */
    public static final long MAX_TRIALS = Integer.MAX_VALUE;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private FitCsv() {
    }

    public static BinomialCounts read(Path file) {
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = FORMAT.parse(in)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new TandemException(file + ": the file is empty; it needs a header (level,k,n or level,response)"
                        + " and data rows");
            }
            Columns columns = Columns.of(file, records.next(), parser.getCurrentLineNumber());
            LevelTotals totals = new LevelTotals();
            while (records.hasNext()) {
                Row row = new Row(file, records.next(), parser.getCurrentLineNumber());
                double level = row.level(columns.level());
                if (columns.aggregated()) {
                    long k = row.count(columns.k(), "k");
                    long n = row.count(columns.n(), "n");
                    if (k > n) {
                        throw row.problem("k = " + k + " is more than n = " + n);
                    }
                    totals.add(level, k, n, row);
                } else {
                    totals.add(level, row.response(columns.response()), 1, row);
                }
            }
            if (totals.isEmpty()) {
                throw new TandemException(file + ": no data rows after the header");
            }
            return totals.counts();
        } catch (NoSuchFileException e) {
            throw new TandemException(file + ": no such file");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new TandemException(file + ": not a readable CSV file (" + e.getMessage() + ")");
        }
    }

    /** Where the columns read are; {@code k} and {@code n} are -1 for trial rows, {@code response} for counts. */
    private record Columns(int level, int k, int n, int response) {

        boolean aggregated() {
            return k >= 0;
        }

        static Columns of(Path file, CSVRecord header, long line) {
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (i == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                    name = name.substring(1).strip(); // spreadsheets save "CSV UTF-8" with a byte-order mark
                }
                String key = name.toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && byName.putIfAbsent(key, i) != null) {
                    throw new TandemException(file + " line " + line + ": the header names the column '" + name
                            + "' twice; rename or remove one of them");
                }
            }
            String got = String.join(",", header.values());
            if (!byName.containsKey("level")) {
                throw new TandemException(file + ": the header must name the columns level,k,n or level,response; got "
                        + got);
            }
            if (byName.containsKey("k") && byName.containsKey("n")) {
                return new Columns(byName.get("level"), byName.get("k"), byName.get("n"), -1);
            }
            if (!byName.containsKey("response")) {
                throw new TandemException(file + ": the header has level but neither k,n nor response; got " + got);
            }
            return new Columns(byName.get("level"), -1, -1, byName.get("response"));
        }
    }

    /** k and n per level, summed in 64 bits; the total over all levels stays within {@link #MAX_TRIALS}. */
    private static final class LevelTotals {
        private final Map<Double, long[]> byLevel = new HashMap<>();
        private long trials;

        void add(double level, long k, long n, Row row) {
            if (n > MAX_TRIALS - trials) {
                throw row.problem("the counts add up to more than " + MAX_TRIALS + " trials, more than a fit takes;"
                        + " check the n column");
            }
            trials += n;
            long[] sums = byLevel.computeIfAbsent(level + 0.0, l -> new long[2]); // + 0.0: -0 and 0 are one level
            sums[0] += k;
            sums[1] += n;
        }

        boolean isEmpty() {
            return byLevel.isEmpty();
        }

        BinomialCounts counts() {
            double[] levels = byLevel.keySet().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int[] k = new int[levels.length];
            int[] n = new int[levels.length];
            for (int i = 0; i < levels.length; i++) {
                long[] sums = byLevel.get(levels[i]);
                k[i] = Math.toIntExact(sums[0]);
                n[i] = Math.toIntExact(sums[1]);
            }
            return BinomialCounts.of(levels, k, n);
        }
    }

    /** One data row, whose problems name the file and line. */
    private record Row(Path file, CSVRecord record, long line) {

        String text(int index, String column) {
            if (index >= record.size() || record.get(index).isEmpty()) {
                throw problem("no value in column " + column);
            }
            return record.get(index);
        }

        double level(int index) {
            String value = text(index, "level");
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw problem("level '" + value + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw problem("level '" + value + "' is not a finite number");
            }
            if (Math.abs(v) > MAX_ABS_LEVEL) {
                throw problem("level '" + value + "' is beyond ±1e12; give the levels in units that keep them smaller"
                        + " (percent, dB, log units)");
            }
            return v;
        }

        long count(int index, String column) {
            String value = text(index, column);
            try {
                long v = Long.parseLong(value);
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                if (value.matches("[0-9]+")) {
                    throw problem(column + " '" + value + "' is too large");
                }
            }
            throw problem(column + " '" + value + "' is not a whole number ≥ 0");
        }

        /** 1 for "1", 0 for "0". */
        long response(int index) {
            String value = text(index, "response");
            if (value.equals("1")) {
                return 1;
            }
            if (value.equals("0")) {
                return 0;
            }
            throw problem("response '" + value + "' must be 0 or 1");
        }

        TandemException problem(String what) {
            return new TandemException(file + " line " + line + ": " + what);
        }
    }
}
