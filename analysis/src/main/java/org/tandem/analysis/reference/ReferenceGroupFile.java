package org.tandem.analysis.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tandem.protocols.TandemException;

/**
 * Reads published summaries ({@code {"groups": [...]}}, format in docs/IMPORT.md). PSE levels are a fraction of the
 * continuum ({@code "levels": "fraction"}, 0.532) or percent ({@code "percent"}, 53.2); the spread is an {@code sd} or
 * an {@code sem}, never both.
 */
public final class ReferenceGroupFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceGroupFile() {
    }

    public static List<ReferenceGroup> read(Path file) {
        byte[] bytes;
        JsonNode root;
        try {
            bytes = Files.readAllBytes(file);
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new TandemException("cannot read the published summaries " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        JsonNode groups = root == null ? null : root.get("groups");
        if (groups == null || !groups.isArray() || groups.isEmpty()) {
            throw new TandemException(file + " needs \"groups\": a list of published groups (see docs/IMPORT.md)");
        }
        String sha = sha256(bytes);
        List<ReferenceGroup> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            String where = file + ": groups[" + i + "]";
            JsonNode g = groups.get(i);
            String name = text(g, "name", where);
            JsonNode pse = g.get("pse");
            JsonNode confusion = g.get("confusion");
            if (pse == null && confusion == null) {
                throw new TandemException(where + " (" + name + ") has neither \"pse\" nor \"confusion\"; give one");
            }
            out.add(new ReferenceGroup(name, g.path("source").asText(""), file.getFileName().toString(), sha,
                    pse == null ? null : pse(pse, where + ".pse"),
                    confusion == null ? null : confusion(confusion, where + ".confusion")));
        }
        return out;
    }

    private static ReferenceGroup.PublishedPse pse(JsonNode node, String where) {
        String from = text(node.path("continuum"), "from", where + ".continuum");
        String to = text(node.path("continuum"), "to", where + ".continuum");
        String levels = text(node, "levels", where);
        double scale = switch (levels) {
            case "fraction" -> 100;
            case "percent" -> 1;
            default -> throw new TandemException(where + ".levels is '" + levels + "'; give \"fraction\" (0.532) or"
                    + " \"percent\" (53.2)");
        };
        int n = node.path("n").asInt(0);
        if (n < 2) {
            throw new TandemException(where + ".n is " + node.path("n") + "; give the number of participants (2 or more)");
        }
        boolean sem = node.has("sem");
        if (sem == node.has("sd")) {
            throw new TandemException(where + " needs exactly one of \"sd\" and \"sem\"");
        }
        double spread = number(node, sem ? "sem" : "sd", where);
        double mean = number(node, "mean", where);
        if (!(spread > 0)) {
            throw new TandemException(where + "." + (sem ? "sem" : "sd") + " is " + spread + "; it must be above 0");
        }
        double sd = (sem ? spread * Math.sqrt(n) : spread) * scale;
        return new ReferenceGroup.PublishedPse(from, to, mean * scale, sd, n,
                (sem ? "SEM " : "SD ") + node.get(sem ? "sem" : "sd").asText() + " (" + levels + ")");
    }

    private static ReferenceGroup.PublishedConfusion confusion(JsonNode node, String where) {
        List<String> labels = new ArrayList<>();
        node.path("labels").forEach(l -> labels.add(l.asText()));
        JsonNode rows = node.path("rows");
        if (labels.size() < 2 || !rows.isArray() || rows.size() != labels.size()) {
            throw new TandemException(where + " needs \"labels\" (2 or more) and one row per label in \"rows\"");
        }
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isArray() || row.size() != labels.size()) {
                throw new TandemException(where + ".rows[" + i + "] has " + row.size() + " values for " + labels.size()
                        + " labels");
            }
            List<Double> r = new ArrayList<>();
            double sum = 0;
            for (JsonNode v : row) {
                if (!v.isNumber() || v.asDouble() < 0) {
                    throw new TandemException(where + ".rows[" + i + "] holds " + v + "; give proportions or counts");
                }
                r.add(v.asDouble());
                sum += v.asDouble();
            }
            if (sum <= 0) {
                throw new TandemException(where + ".rows[" + i + "] (" + labels.get(i) + ") sums to 0");
            }
            values.add(r);
        }
        return new ReferenceGroup.PublishedConfusion(labels, values);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new TandemException(where + " needs \"" + field + "\" (text)");
        }
        return v.asText();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new TandemException(where + "." + field + " must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
