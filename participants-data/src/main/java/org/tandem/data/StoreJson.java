package org.tandem.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.ModelOutput;

/** The JSON the store writes into text columns, and reads back. */
final class StoreJson {
    private static final ObjectMapper MAPPER = CanonicalJson.mapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private StoreJson() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A string map as a compact JSON object, entries in the map's order. */
    static String stringMap(Map<String, String> map) {
        return write(map);
    }

    static Map<String, String> stringMap(String json) {
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON object is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** A network output as {@code {"labels":[...],"values":[...]}}: lossless even where labels repeat. */
    static String output(ModelOutput output) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode labels = node.putArray("labels");
        output.labels().forEach(labels::add);
        ArrayNode values = node.putArray("values");
        output.values().forEach(values::add);
        return write(node);
    }

    static ModelOutput output(String json) {
        JsonNode node = tree(json);
        List<String> labels = new ArrayList<>();
        node.path("labels").forEach(n -> labels.add(n.asText()));
        List<Double> values = new ArrayList<>();
        // non-finite values are written as the strings "NaN", "Infinity", "-Infinity"
        node.path("values").forEach(n -> values.add(n.isNumber() ? n.doubleValue() : Double.valueOf(n.asText())));
        return new ModelOutput(labels, values);
    }

    /** Checks that {@code json} is one JSON value, for caller-supplied details. */
    static String checked(String json, String what) {
        if (json == null) {
            return null;
        }
        try {
            MAPPER.readTree(json);
            return json;
        } catch (JsonProcessingException e) {
            throw new TandemException(what + " is not valid JSON (" + e.getOriginalMessage() + "); pass a JSON value such as"
                    + " {\"reason\": \"...\"}", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
