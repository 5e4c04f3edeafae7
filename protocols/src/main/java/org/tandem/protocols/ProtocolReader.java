package org.tandem.protocols;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
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
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.validation.InvalidProtocolException;
import org.tandem.protocols.validation.JsonPaths;
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
        // decimals as BigDecimal: a level such as 1e400 has no double value, and 0.1 keeps its written digits;
        // a member given twice is an error, not "the last one wins"; so is anything after the protocol's object
        ObjectReader reader = CanonicalJson.mapper().reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try (JsonParser parser = reader.createParser(json)) {
            tree = reader.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                var location = parser.currentTokenLocation();
                throw new InvalidProtocolException(source, List.of(new Problem("$", location.getLineNr(),
                        location.getColumnNr(), "not valid JSON: more text after the protocol's closing '}'")));
            }
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new InvalidProtocolException(source, List.of(new Problem(syntaxErrorPath(e),
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidProtocolException(source, List.of(new Problem("$", 1, 1, "a protocol must be a JSON object")));
        }
        ProtocolChecks checks = ProtocolChecks.forDocument(json);
        List<String> rejected = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(tree)) {
            boolean aboutValue = !"required".equals(message.getType());
            checks.reportSchema(schemaPointer(message), schemaMessage(message), aboutValue);
            if (aboutValue) {
                rejected.add(schemaPointer(message));
            }
        }
        // the cross-reference checks run even when the schema found problems, so that one round of fixes suffices; a
        // member of the wrong type can fail the whole binding, so the document is bound again without the rejected members
        Protocol protocol;
        List<String> removed = List.of();
        try {
            protocol = bind(tree);
        } catch (JsonProcessingException | RuntimeException e) {
            removed = rejected;
            protocol = rejected.isEmpty() ? null : bindOrNull(withoutMembers(tree.deepCopy(), rejected));
            if (protocol == null) {
                checks.throwIfAny(source);
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                throw new InvalidProtocolException(source, List.of(new Problem("$", 0, 0, why)));
            }
        }
        checks.semantics(protocol, removed);
        checks.throwIfAny(source);
        return protocol;
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

    private static Protocol bindOrNull(JsonNode tree) {
        try {
            return bind(tree);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static Protocol bind(JsonNode tree) throws JsonProcessingException {
        return CanonicalJson.mapper().treeToValue(canonicalLevels((ObjectNode) tree.deepCopy()), Protocol.class);
    }

    /** The document without the object members at these pointers; array elements stay, so that positions do not shift. */
    private static ObjectNode withoutMembers(ObjectNode root, List<String> pointers) {
        for (String pointer : pointers) {
            JsonPointer member = JsonPointer.compile(pointer);
            if (!member.matches() && root.at(member.head()) instanceof ObjectNode parent) {
                parent.remove(member.last().getMatchingProperty());
            }
        }
        return root;
    }

    /** The JSON path the parser had reached when it failed, e.g. {@code $.id} for a member given twice. */
    private static String syntaxErrorPath(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            return JsonPaths.display(parser.getParsingContext().pathAsPointer().toString());
        }
        return "$";
    }

    /**
     * Where a schema problem belongs. The validator places an unknown member at the object that holds it; it is reported at
     * the member itself, so that its line and column point at the offending key.
     */
    private static String schemaPointer(ValidationMessage message) {
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return message.getInstanceLocation().append(message.getProperty()).toString();
        }
        return message.getInstanceLocation().toString();
    }

    /** The validator's message without the location prefix it adds (the location is reported separately). */
    private static String schemaMessage(ValidationMessage message) {
        JsonNode instance = message.getInstanceNode();
        if ("oneOf".equals(message.getType()) && instance != null && instance.isObject()
                && instance.has("ms") == instance.has("frames")) {
            return "give the duration either in 'ms' or in 'frames' (exactly one of them)";
        }
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return "unknown member '" + message.getProperty() + "' (check its spelling; see: tandem protocol schema)";
        }
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /**
     * Levels may be written as numbers or text; they are kept as canonical text (20.0 → "20", 0.50 → "0.5").
     * Written to bind documents that break the schema too (containers of the wrong kind are left alone).
     */
    private static ObjectNode canonicalLevels(ObjectNode root) {
        root.path("factors").forEach(factor -> canonicalise(factor.path("levels")));
        for (String container : List.of("blocks", "variants")) {
            for (JsonNode item : root.path(container)) {
                item.path("levels").forEach(ProtocolReader::canonicalise);
            }
        }
        return root;
    }

    private static void canonicalise(JsonNode node) {
        if (!(node instanceof ArrayNode levels)) {
            return;
        }
        for (int i = 0; i < levels.size(); i++) {
            JsonNode level = levels.get(i);
            if (level.isNumber()) {
                levels.set(i, TextNode.valueOf(canonicalNumber(level.decimalValue())));
            }
        }
    }

    public static String canonicalNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        // plain digits for ordinary numbers; an extreme exponent (1e999999999) would expand to a gigabyte of zeros
        return Math.abs(stripped.scale()) <= 100 ? stripped.toPlainString() : stripped.toString();
    }
}
