package org.tandem.analysis.psychometric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The reference fits of two binomial data sets (psignifit 4.3, R psyphy 0.2-3 maximum likelihood, and an independent
 * numpy/scipy maximum-likelihood fit with a 1000-sample parametric bootstrap), as shipped in the test resources.
 */
final class ReferenceData {
    static final String TWO_AFC = "2afc_7lvl_30tr";
    static final String YES_NO = "yesno_21lvl_30tr";
    private static final JsonNode ROOT = load();

    private ReferenceData() {
    }

    private static JsonNode load() {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/psychometric/reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BinomialCounts counts(String dataset) {
        return FitBenchmark.counts(find("datasets", "name", dataset).get("data"));
    }

    /** R psyphy's fit whose method text contains the given words. */
    static JsonNode psyphy(String dataset, String method) {
        for (JsonNode fit : ROOT.get("R_psyphy")) {
            if (fit.get("dataset").asText().equals(dataset) && fit.get("method").asText().contains(method)) {
                return fit;
            }
        }
        throw new IllegalArgumentException("no psyphy fit " + dataset + " " + method);
    }

    /** The independent maximum-likelihood fit with its bootstrap. */
    static JsonNode independent(String dataset) {
        return find("ml_bootstrap", "dataset", dataset);
    }

    private static JsonNode find(String section, String key, String value) {
        for (JsonNode node : ROOT.get(section)) {
            if (node.get(key).asText().equals(value)) {
                return node;
            }
        }
        throw new IllegalArgumentException("no " + section + " entry " + value);
    }
}
