package org.tandem.stimuli.folder;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tandem.protocols.ProtocolReader;

/**
 * Reads a manifest ({@link ManifestFormat}) and checks every row, collecting every problem with its line instead of
 * stopping at the first. Rows with problems are left out of the result; the rest are returned in file order. Whether the
 * files exist and are images is the {@link StimulusSetChecker}'s business.
 */
public final class ManifestReader {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The checked rows of a manifest and the problems found in it.
     *
     * @param named every file the manifest names, in rows with problems too (so they are not reported as unnamed)
     */
    public record Content(Path manifest, List<ManifestRow> rows, List<SetProblem> problems, Set<String> named) {
        public Content {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
            named = Set.copyOf(named);
        }
    }

    private ManifestReader() {
    }

    /** Reads a {@code .csv} or {@code .json} manifest; any other name is reported as a problem. */
    public static Content read(Path manifest) {
        String name = manifest.getFileName().toString();
        List<SetProblem> problems = new ArrayList<>();
        List<ManifestRow> rows = new ArrayList<>();
        Set<String> named = new HashSet<>();
        String text;
        try {
            text = Files.readString(manifest, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            problems.add(SetProblem.at(name, "is not UTF-8 text; save it as UTF-8"));
            return new Content(manifest, rows, problems, named);
        } catch (IOException e) {
            problems.add(SetProblem.at(name, "cannot be read (" + e.getMessage() + "); check that it exists and is readable"));
            return new Content(manifest, rows, problems, named);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ManifestFormat format = ManifestFormat.of(manifest).orElse(null);
        if (format == ManifestFormat.CSV) {
            readCsv(name, text, rows, problems, named);
        } else if (format == ManifestFormat.JSON) {
            readJson(name, text, rows, problems, named);
        } else {
            problems.add(SetProblem.at(name, "is not a manifest: a manifest is a .csv or .json file"));
        }
        return new Content(manifest, rows, problems, named);
    }

    private static void readCsv(String name, String text, List<ManifestRow> rows, List<SetProblem> problems,
                                Set<String> named) {
        CSVParser parser;
        try {
            parser = CSVParser.parse(text, CSV);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            problems.add(new SetProblem(name, 1, "has an unusable header row (" + e.getMessage() + "); the first row"
                    + " names the columns: file, identity, expression, continuum, level"));
            return;
        }
        try (parser) {
            Map<String, String> columns = columns(name, parser.getHeaderNames(), problems);
            if (columns == null) {
                return;
            }
            int width = parser.getHeaderNames().size();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                // a record that cannot be parsed starts after the lines read so far (or after empty lines)
                int next = (int) parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    problems.add(new SetProblem(name, next, "is not valid CSV from here on (" + e.getCause().getMessage()
                            + "); check the quotes"));
                    return;
                }
                int line = lineOf(text, record.getCharacterPosition());
                if (record.size() > width) {
                    problems.add(new SetProblem(name, line, "has " + record.size() + " values but the header names "
                            + width + " columns; quote values that contain commas"));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                Map<String, String> attributes = new LinkedHashMap<>();
                for (Map.Entry<String, String> column : columns.entrySet()) {
                    String value = record.isSet(column.getValue()) ? record.get(column.getValue()) : null;
                    if (ManifestFormat.FIELDS.contains(column.getKey())) {
                        values.put(column.getKey(), value);
                    } else if (ManifestRows.blankToNull(value) != null) {
                        attributes.put(column.getValue(), value.trim());
                    }
                }
                noteFile(values, named);
                ManifestRow row = ManifestRows.check(line, values, attributes, Set.of(),
                        message -> problems.add(new SetProblem(name, line, message)));
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing a parser of a string", e);
        }
    }

    /** Lower-cased column name to the header as written; null (with problems) when required columns are missing. */
    private static Map<String, String> columns(String name, List<String> header, List<SetProblem> problems) {
        if (header.isEmpty()) {
            problems.add(new SetProblem(name, 1, "is empty; the first row names the columns: file, identity,"
                    + " expression, continuum, level"));
            return null;
        }
        Map<String, String> columns = new LinkedHashMap<>();
        boolean ok = true;
        for (String column : header) {
            String key = column.trim().toLowerCase(Locale.ROOT);
            if (columns.put(key, column) != null) {
                problems.add(new SetProblem(name, 1, "names the column '" + column + "' twice"));
                ok = false;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of(ManifestFormat.FILE, ManifestFormat.IDENTITY)) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!columns.containsKey(ManifestFormat.EXPRESSION) && !columns.containsKey(ManifestFormat.CONTINUUM)) {
            missing.add("expression (or continuum and level)");
        } else if (columns.containsKey(ManifestFormat.CONTINUUM) && !columns.containsKey(ManifestFormat.LEVEL)) {
            missing.add(ManifestFormat.LEVEL);
        }
        if (!missing.isEmpty()) {
            problems.add(new SetProblem(name, 1, "has no column " + String.join(", ", missing) + "; the header row"
                    + " is " + String.join(",", header) + " and needs file, identity, expression, continuum, level"));
            ok = false;
        }
        return ok ? columns : null;
    }

    /** The line of a record: Commons CSV gives the position where the previous record ended, before any empty lines. */
    private static int lineOf(String text, long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            at++;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void readJson(String name, String text, List<ManifestRow> rows, List<SetProblem> problems,
                                 Set<String> named) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problems.add(new SetProblem(name, line(parser.currentTokenLocation()), "must be a JSON array of objects,"
                        + " one per image: [{\"file\": ..., \"identity\": ..., \"expression\": ...}, ...]"));
                return;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                int line = line(parser.currentTokenLocation());
                if (token != JsonToken.START_OBJECT) {
                    problems.add(new SetProblem(name, line, "each element must be an object with file, identity and"
                            + " expression or continuum and level"));
                    parser.skipChildren();
                    continue;
                }
                JsonNode object = JSON.readTree(parser);
                jsonRow(name, line, object, rows, problems, named);
            }
            if (parser.nextToken() != null) {
                problems.add(new SetProblem(name, line(parser.currentTokenLocation()),
                        "has more after the array's closing ]"));
            }
        } catch (JsonProcessingException e) {
            problems.add(new SetProblem(name, line(e.getLocation()), "is not valid JSON (" + e.getOriginalMessage() + ")"));
        } catch (IOException e) {
            problems.add(SetProblem.at(name, "cannot be read (" + e.getMessage() + ")"));
        }
    }

    private static void jsonRow(String name, int line, JsonNode object, List<ManifestRow> rows,
                                List<SetProblem> problems, Set<String> named) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            String text;
            if (value.isNull()) {
                continue;
            } else if (value.isTextual()) {
                text = value.textValue().trim();
            } else if (value.isNumber()) {
                text = ProtocolReader.canonicalNumber(value.decimalValue());
            } else if (value.isBoolean()) {
                text = value.asText();
            } else {
                problems.add(new SetProblem(name, line, "field '" + field.getKey() + "' must be text or a number, not "
                        + value.getNodeType().name().toLowerCase(Locale.ROOT)));
                reported.add(field.getKey());
                continue;
            }
            if (ManifestFormat.FIELDS.contains(field.getKey())) {
                values.put(field.getKey(), text);
            } else if (!text.isEmpty()) {
                attributes.put(field.getKey(), text);
            }
        }
        noteFile(values, named);
        ManifestRow row = ManifestRows.check(line, values, attributes, reported,
                m -> problems.add(new SetProblem(name, line, m)));
        if (row != null) {
            rows.add(row);
        }
    }

    private static void noteFile(Map<String, String> values, Set<String> named) {
        String file = ManifestRows.blankToNull(values.get(ManifestFormat.FILE));
        if (file != null) {
            named.add(file.replace('\\', '/'));
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
