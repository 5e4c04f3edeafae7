package org.tandem.protocols;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.tandem.protocols.validation.InvalidProtocolException;
import org.tandem.protocols.validation.Problem;
import org.tandem.protocols.validation.ProtocolChecks;

/**
 * Reads a protocol file: parse, check against the published JSON Schema, check the cross-references the schema cannot
 * express, and only then bind to {@link Protocol}. Every problem is collected and reported with its place in the file.
 */
public final class ProtocolReader {
    /** Classpath location of the published schema (also printed by {@code tandem protocol schema}). */
    public static final String SCHEMA_RESOURCE = "/org/tandem/protocols/protocol.schema.json";

    private static final JsonSchema SCHEMA = loadSchema();

    private ProtocolReader() {
    }

    /**
     * @param json   the file's text
     * @param source how to name the file in messages (its path, or the built-in protocol's name)
     * @throws InvalidProtocolException listing every problem found
     */
    public static Protocol read(String json, String source) {
        JsonNode tree;
        try {
            tree = CanonicalJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new InvalidProtocolException(source, List.of(new Problem("$", location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr(), "not valid JSON: " + e.getOriginalMessage())));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidProtocolException(source, List.of(new Problem("$", 1, 1, "a protocol must be a JSON object")));
        }
        ProtocolChecks checks = ProtocolChecks.forDocument(json);
        for (ValidationMessage message : SCHEMA.validate(tree)) {
            checks.report(schemaPointer(message), schemaMessage(message));
        }
        boolean schemaValid = checks.isEmpty();
        Protocol protocol = bind(tree);
        if (protocol != null) {
            try {
                checks.semantics(protocol);
            } catch (RuntimeException e) {
                // a document that breaks the schema may be too broken to cross-check; the schema problems already say why
                if (schemaValid) {
                    throw e;
                }
            }
        }
        if (protocol == null && schemaValid) {
            checks.report("", "does not match the protocol format; see: tandem protocol schema");
        }
        checks.throwIfAny(source);
        return protocol;
    }

    /** Binds the document, or returns null when it is too far from the format to bind (the schema says why). */
    private static Protocol bind(JsonNode tree) {
        try {
            return CanonicalJson.mapper().treeToValue(canonicalLevels((ObjectNode) tree.deepCopy()), Protocol.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** The published JSON Schema's text. */
    public static String schemaText() {
        try (InputStream in = ProtocolReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("protocol schema missing from the classpath: " + SCHEMA_RESOURCE, e);
        }
    }

    private static JsonSchema loadSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText(), config);
    }

    /** An unknown member is reported at the member itself rather than at the object holding it. */
    private static String schemaPointer(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return pointer + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return pointer;
    }

    /** The validator's message without the location prefix it adds (the location is reported separately). */
    private static String schemaMessage(ValidationMessage message) {
        JsonNode instance = message.getInstanceNode();
        if ("oneOf".equals(message.getType()) && instance != null && instance.isObject()
                && (instance.has("ms") == instance.has("frames"))) {
            return "give the duration either in 'ms' or in 'frames' (exactly one of them)";
        }
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return "unknown member '" + message.getProperty() + "' (check its spelling; see: tandem protocol schema)";
        }
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** Levels may be written as numbers or text; they are kept as canonical text (20.0 → "20", 0.50 → "0.5"). */
    private static ObjectNode canonicalLevels(ObjectNode root) {
        root.withArray("/factors").forEach(factor -> canonicalise((ArrayNode) factor.get("levels")));
        for (String container : List.of("blocks", "variants")) {
            JsonNode list = root.get(container);
            if (list == null) {
                continue;
            }
            for (JsonNode item : list) {
                JsonNode overrides = item.get("levels");
                if (overrides != null) {
                    Iterator<JsonNode> values = overrides.elements();
                    values.forEachRemaining(v -> canonicalise((ArrayNode) v));
                }
            }
        }
        return root;
    }

    private static void canonicalise(ArrayNode levels) {
        for (int i = 0; i < levels.size(); i++) {
            JsonNode level = levels.get(i);
            if (level.isNumber()) {
                levels.set(i, TextNode.valueOf(canonicalNumber(level.decimalValue())));
            }
        }
    }

    public static String canonicalNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }
}
