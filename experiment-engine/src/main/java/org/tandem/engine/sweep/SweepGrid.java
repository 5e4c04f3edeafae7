package org.tandem.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.protocols.TandemException;

/**
 * What a sweep runs: every observer on every protocol with every seed and decision rule, each combination one
 * {@link SweepCell}. Read from a sweep file ({@code {"study": …, "protocols": [...], "observers": [...], "seeds": "1..10",
 * "rules": ["argmax"], "temperature": 1, "variant": null}}) or given on the command line.
 */
public record SweepGrid(String study, List<String> protocols, List<ObserverSpec> observers, List<Long> seeds,
                        List<String> rules, double temperature, String variant) {
    public static final String DEFAULT_STUDY = "sweeps";
    private static final Set<String> FIELDS = Set.of("study", "protocols", "observers", "seeds", "rules",
            "temperature", "variant");

    public SweepGrid {
        protocols = List.copyOf(protocols);
        observers = List.copyOf(observers);
        seeds = List.copyOf(seeds);
        rules = List.copyOf(rules);
    }

    /** Every cell, protocols outermost, then observers, seeds and rules. */
    public List<SweepCell> cells() {
        List<SweepCell> cells = new ArrayList<>();
        for (String protocol : protocols) {
            for (ObserverSpec observer : observers) {
                for (long seed : seeds) {
                    for (String rule : rules) {
                        cells.add(new SweepCell(protocol, observer, seed, rule, temperature, variant));
                    }
                }
            }
        }
        return cells;
    }

    /** Reads a sweep file; a missing field or a wrong value is named with the file. */
    public static SweepGrid read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new TandemException("cannot read the sweep file " + file + " (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); give a JSON object with protocols, observers and seeds");
        }
        if (root == null || !root.isObject()) {
            throw new TandemException("sweep file " + file + ": not a JSON object; give {\"protocols\": [...],"
                    + " \"observers\": [...], \"seeds\": \"1..10\"}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new TandemException("sweep file " + file + ": unknown field '" + name + "'; the fields are "
                        + new java.util.TreeSet<>(FIELDS));
            }
        }
        String where = "sweep file " + file;
        return new SweepGrid(root.path("study").asText(DEFAULT_STUDY),
                strings(root, "protocols", where),
                strings(root, "observers", where).stream().map(ObserverSpec::parse).toList(),
                root.has("seeds") ? seeds(root.get("seeds").isTextual() ? root.get("seeds").asText()
                        : root.get("seeds").toString().replaceAll("[\\[\\] ]", ""), where) : List.of(1L),
                root.has("rules") ? strings(root, "rules", where) : List.of("argmax"),
                root.path("temperature").asDouble(1.0),
                root.hasNonNull("variant") ? root.get("variant").asText() : null);
    }

    private static List<String> strings(JsonNode root, String field, String where) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new TandemException(where + ": '" + field + "' must be a non-empty array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new TandemException(where + ": '" + field + "' holds " + item + "; give strings");
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    /** Seeds as {@code 1..10}, {@code 1,2,5} or a mix ({@code 1..3,7}); each once, in the order given. */
    public static List<Long> seeds(String text, String where) {
        Set<Long> seeds = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                int range = p.indexOf("..");
                if (range >= 0) {
                    long from = Long.parseLong(p.substring(0, range).trim());
                    long to = Long.parseLong(p.substring(range + 2).trim());
                    if (to < from || to - from >= 100_000) {
                        throw new TandemException(where + ": seed range '" + p + "' must run upwards over at most"
                                + " 100,000 seeds");
                    }
                    for (long s = from; s <= to; s++) {
                        seeds.add(s);
                    }
                } else {
                    seeds.add(Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new TandemException(where + ": seeds '" + text + "' must be numbers or ranges like 1..10");
            }
        }
        return List.copyOf(seeds);
    }
}
