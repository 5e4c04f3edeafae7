package org.tandem.engine.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tandem.protocols.TandemException;

/**
 * How the columns of another tool's trial export become Tandem trials: which rows are trials, which column gives the
 * participant, each protocol factor's level, the response and how its values map to the protocol's labels, and the
 * response time with its unit. Read from a JSON file (see docs/IMPORT.md).
 *
 * @param participant   the column holding the participant code
 * @param filterColumn  the column that marks trial rows, or null when every row is a trial
 * @param filterValues  the values of {@code filterColumn} that mark a trial; empty: any non-empty value
 * @param factors       protocol factor name to the column (and optional pattern) its level comes from
 * @param levelsAsFraction numeric levels are fractions (0.5) of the protocol's percent scale, not percent (50)
 * @param response      the column holding the response
 * @param responses     response value as exported to the protocol's label; a value that is already a label maps to itself
 * @param rt            the column holding the response time, or null
 * @param rtUnit        {@code s} or {@code ms}; null for the tool's own unit
 * @param canonicalJson the mapping as stored with each session
 */
public record ImportMapping(String participant, String filterColumn, List<String> filterValues,
                            Map<String, FactorColumn> factors, boolean levelsAsFraction, String response,
                            Map<String, String> responses, String rt, String rtUnit, String canonicalJson) {

    /** Where a factor's level is read: a column, and optionally a pattern whose first group is the level. */
    public record FactorColumn(String column, Pattern pattern) {
        String levelIn(String value) {
            if (pattern == null) {
                return value;
            }
            var m = pattern.matcher(value);
            return m.find() ? (m.groupCount() > 0 ? m.group(1) : m.group()) : null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("participant", "filter", "factors", "levels", "response",
            "responses", "rt", "rtUnit");

    /** Missing response values as PsychoPy ({@code None}, {@code []}) and jsPsych ({@code null}) write them. */
    public static boolean isMissing(String value) {
        return value == null || value.isBlank() || value.equals("None") || value.equals("null") || value.equals("[]");
    }

    public static ImportMapping read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new TandemException("cannot read the mapping " + file + ": " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new TandemException("the mapping " + file + " is not a JSON object; see docs/IMPORT.md");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new TandemException("the mapping " + file + " has an unknown field '" + name + "'; its fields are "
                        + String.join(", ", KEYS));
            }
        }
        String participant = text(file, root, "participant", true);
        String filterColumn = null;
        List<String> filterValues = new ArrayList<>();
        JsonNode filter = root.get("filter");
        if (filter != null) {
            filterColumn = text(file, filter, "column", true);
            JsonNode values = filter.get("values");
            if (values != null) {
                values.forEach(v -> filterValues.add(v.asText()));
            }
        }
        JsonNode factorsNode = root.get("factors");
        if (factorsNode == null || !factorsNode.isObject() || factorsNode.isEmpty()) {
            throw new TandemException("the mapping " + file + " needs \"factors\": each protocol factor and the column"
                    + " its level is in, e.g. {\"happiness\": \"morph_level\"}");
        }
        Map<String, FactorColumn> factors = new LinkedHashMap<>();
        factorsNode.fields().forEachRemaining(e -> factors.put(e.getKey(), factorColumn(file, e.getKey(), e.getValue())));
        String levels = root.path("levels").asText("percent");
        if (!levels.equals("percent") && !levels.equals("fraction")) {
            throw new TandemException("the mapping " + file + " has \"levels\": \"" + levels + "\"; use \"percent\""
                    + " (50 means 50 %) or \"fraction\" (0.5 means 50 %)");
        }
        Map<String, String> responses = new LinkedHashMap<>();
        JsonNode responsesNode = root.get("responses");
        if (responsesNode != null) {
            responsesNode.fields().forEachRemaining(e -> responses.put(e.getKey(), e.getValue().asText()));
        }
        String rt = text(file, root, "rt", false);
        String rtUnit = root.path("rtUnit").asText(null);
        if (rtUnit != null && !rtUnit.equals("s") && !rtUnit.equals("ms")) {
            throw new TandemException("the mapping " + file + " has \"rtUnit\": \"" + rtUnit + "\"; use \"s\" (PsychoPy)"
                    + " or \"ms\" (jsPsych)");
        }
        return new ImportMapping(participant, filterColumn, List.copyOf(filterValues), Map.copyOf(factors),
                levels.equals("fraction"), text(file, root, "response", true), Map.copyOf(responses), rt, rtUnit,
                root.toString());
    }

    /** Whether a row is a trial by the filter. */
    boolean isTrial(Map<String, String> row) {
        if (filterColumn == null) {
            return true;
        }
        String value = row.get(filterColumn);
        return filterValues.isEmpty() ? !isMissing(value) : filterValues.contains(value);
    }

    /** Every column the mapping reads, to check against a file's header. */
    List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(participant);
        if (filterColumn != null) {
            columns.add(filterColumn);
        }
        factors.values().forEach(f -> columns.add(f.column()));
        columns.add(response);
        if (rt != null) {
            columns.add(rt);
        }
        return columns.stream().distinct().toList();
    }

    private static FactorColumn factorColumn(Path file, String factor, JsonNode node) {
        if (node.isTextual()) {
            return new FactorColumn(node.asText(), null);
        }
        String column = text(file, node, "column", true);
        String pattern = node.path("pattern").asText(null);
        try {
            return new FactorColumn(column, pattern == null ? null : Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new TandemException("the mapping " + file + " has a pattern for factor '" + factor + "' that is not a"
                    + " valid regular expression: " + firstLine(e.getMessage()));
        }
    }

    private static String text(Path file, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new TandemException("the mapping " + file + " needs \"" + field + "\" (a column name); see"
                        + " docs/IMPORT.md");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new TandemException("the mapping " + file + " has \"" + field + "\": " + value + "; give a column name");
        }
        return value.asText();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
