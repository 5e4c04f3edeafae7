package org.tandem.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds things in a report's results.json, for the tests that recompute its numbers. */
final class ReportResults {
    private ReportResults() {
    }

    /** The observer of that name in a section's observer list. */
    static JsonNode observer(JsonNode observers, String name) {
        for (JsonNode o : observers) {
            if (o.get("name").asText().equals(name)) {
                return o;
            }
        }
        throw new AssertionError("no observer " + name + " in " + observers);
    }

    /** A protocol's section of the given kind ({@code identification}, {@code classification}, {@code abx}). */
    static JsonNode section(JsonNode results, String protocolId, String kind) {
        for (JsonNode p : results.get("protocols")) {
            if (p.get("protocolId").asText().equals(protocolId)) {
                return p.get(kind);
            }
        }
        throw new AssertionError("no protocol " + protocolId + " in results.json");
    }
}
