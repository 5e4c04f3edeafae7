package org.tandem.observer.tfgraph;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code attr} map of one node of a TF.js graph: TensorFlow's AttrValue in JSON, where strings are base64
 * ({@code {"s": "U0FNRQ=="}} is {@code SAME}), integers are decimal strings and lists hold {@code i}, {@code f} or
 * {@code s} arrays.
 */
record NodeAttributes(JsonNode attr) {
    NodeAttributes {
        attr = attr == null || attr.isMissingNode() || attr.isNull() ? com.fasterxml.jackson.databind.node.MissingNode
                .getInstance() : attr;
    }

    boolean has(String name) {
        return !attr.path(name).isMissingNode();
    }

    /** A string attribute, or {@code fallback} when the node has none. */
    String string(String name, String fallback) {
        JsonNode s = attr.path(name).path("s");
        return s.isMissingNode() ? fallback : decode(s.asText());
    }

    long integer(String name, long fallback) {
        JsonNode i = attr.path(name).path("i");
        return i.isMissingNode() ? fallback : Long.parseLong(i.asText());
    }

    double number(String name, double fallback) {
        JsonNode f = attr.path(name).path("f");
        return f.isMissingNode() ? fallback : f.asDouble();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode b = attr.path(name).path("b");
        return b.isMissingNode() ? fallback : b.asBoolean();
    }

    /** An integer list attribute; empty when the node has none. */
    long[] integers(String name) {
        JsonNode list = attr.path(name).path("list").path("i");
        long[] values = new long[list.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = Long.parseLong(list.get(k).asText());
        }
        return values;
    }

    /** A string list attribute; empty when the node has none. */
    List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode s : attr.path(name).path("list").path("s")) {
            values.add(decode(s.asText()));
        }
        return values;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
