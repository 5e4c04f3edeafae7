package org.tandem.engine.fit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tandem.analysis.psychometric.BinomialCounts;
import org.tandem.analysis.psychometric.TrialResponse;
import org.tandem.protocols.TandemException;

/**
 * Reads psychometric data from a CSV file with a header: aggregated rows {@code level,k,n} (k "yes"/correct of n
 * trials) or trial rows {@code level,response} (response 0 or 1). Column names are case-insensitive and other columns
 * are ignored, so a tidy export with a level and a 0/1 response column reads as it is.
 */
public final class FitCsv {
    private FitCsv() {
    }

    public static BinomialCounts read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = format.parse(in)) {
            Map<String, Integer> columns = new TreeMap<>();
            parser.getHeaderMap().forEach((name, index) -> columns.put(name.toLowerCase(Locale.ROOT), index));
            if (!columns.containsKey("level")) {
                throw new TandemException(file + ": the header must name the columns level,k,n or level,response; got "
                        + String.join(",", parser.getHeaderNames()));
            }
            boolean aggregated = columns.containsKey("k") && columns.containsKey("n");
            if (!aggregated && !columns.containsKey("response")) {
                throw new TandemException(file + ": the header has level but neither k,n nor response; got "
                        + String.join(",", parser.getHeaderNames()));
            }
            BinomialCounts counts = aggregated ? aggregated(file, parser, columns) : trials(file, parser, columns);
            if (counts.size() == 0) {
                throw new TandemException(file + ": no data rows after the header");
            }
            return counts;
        } catch (NoSuchFileException e) {
            throw new TandemException(file + ": no such file");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new TandemException(file + ": not a readable CSV file (" + e.getMessage() + ")");
        }
    }

    private static BinomialCounts aggregated(Path file, CSVParser parser, Map<String, Integer> columns) {
        List<double[]> rows = new ArrayList<>();
        for (CSVRecord record : parser) {
            Row row = new Row(file, record, columns);
            double level = row.number("level");
            int k = row.count("k");
            int n = row.count("n");
            if (k > n) {
                throw row.problem("k = " + k + " is more than n = " + n);
            }
            rows.add(new double[] {level, k, n});
        }
        double[] levels = rows.stream().mapToDouble(r -> r[0]).toArray();
        int[] k = rows.stream().mapToInt(r -> (int) r[1]).toArray();
        int[] n = rows.stream().mapToInt(r -> (int) r[2]).toArray();
        return BinomialCounts.of(levels, k, n);
    }

    private static BinomialCounts trials(Path file, CSVParser parser, Map<String, Integer> columns) {
        List<TrialResponse> trials = new ArrayList<>();
        for (CSVRecord record : parser) {
            Row row = new Row(file, record, columns);
            double level = row.number("level");
            String response = row.text("response");
            if (!response.equals("0") && !response.equals("1")) {
                throw row.problem("response '" + response + "' must be 0 or 1");
            }
            trials.add(new TrialResponse(level, response.equals("1")));
        }
        return BinomialCounts.fromTrials(trials);
    }

    /** One data row, whose problems name the file and line. */
    private record Row(Path file, CSVRecord record, Map<String, Integer> columns) {

        String text(String column) {
            int index = columns.get(column);
            if (index >= record.size() || record.get(index).isEmpty()) {
                throw problem("no value in column " + column);
            }
            return record.get(index);
        }

        double number(String column) {
            String value = text(column);
            try {
                double v = Double.parseDouble(value);
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw problem(column + " '" + value + "' is not a number");
        }

        int count(String column) {
            String value = text(column);
            try {
                int v = Integer.parseInt(value);
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw problem(column + " '" + value + "' is not a whole number ≥ 0");
        }

        TandemException problem(String what) {
            // the header is line 1 and rows do not span lines, so record n sits on line n + 1
            return new TandemException(file + " line " + (record.getRecordNumber() + 1) + ": " + what);
        }
    }
}
