package org.tandem.engine.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tandem.protocols.TandemException;

/**
 * The rows of a trial export as text, each with the line it starts on: a CSV with a header row (PsychoPy's trial-by-trial
 * file, jsPsych's {@code .csv()}) or a JSON array of objects (jsPsych's {@code .json()}). Commons CSV parses the CSV,
 * Jackson the JSON.
 */
final class ExportRows {
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row: where it is in the file ("line 12") and its values by column name. */
    record Row(String where, Map<String, String> values) {
    }

    /** The rows and the columns the file has. */
    record Table(List<String> columns, List<Row> rows) {
    }

    private ExportRows() {
    }

    static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TandemException("no file " + file + "; give the exported trials (.csv or .json)");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            return name.endsWith(".json") ? json(file) : csv(file);
        } catch (IOException | UncheckedIOException e) {
            throw new TandemException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static Table csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = CSV.parse(in)) {
            List<String> columns = parser.getHeaderNames();
            if (columns.isEmpty()) {
                throw new TandemException(file + ": line 1 has no column names; export the trials with a header row");
            }
            List<Row> rows = new ArrayList<>();
            long line = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                if (!record.isConsistent()) {
                    throw new TandemException(file + ": line " + line + " has " + record.size() + " values for "
                            + columns.size() + " columns; the file is not a complete CSV export");
                }
                rows.add(new Row("line " + line, new LinkedHashMap<>(record.toMap())));
                line = parser.getCurrentLineNumber() + 1;
            }
            return new Table(columns, rows);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TandemException(file + ": not a valid CSV file (" + e.getMessage() + ")");
        }
    }

    private static Table json(Path file) throws IOException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new TandemException(file + ": line " + parser.currentLocation().getLineNr() + " should start the"
                        + " array of trials (jsPsych's data.get().json())");
            }
            List<Row> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String where = "line " + parser.currentLocation().getLineNr() + ", trial object " + (rows.size() + 1);
                JsonNode object = JSON.readTree(parser);
                Map<String, String> values = new LinkedHashMap<>();
                object.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    values.put(e.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
                    if (!columns.contains(e.getKey())) {
                        columns.add(e.getKey());
                    }
                });
                rows.add(new Row(where, values));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new TandemException(file + ": line " + parser.currentLocation().getLineNr() + " holds "
                        + parser.currentToken() + " where a trial object should be");
            }
            return new Table(columns, rows);
        } catch (JsonProcessingException e) {
            throw new TandemException(file + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
