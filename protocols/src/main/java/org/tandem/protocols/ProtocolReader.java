package org.tandem.protocols;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tandem.protocols.validation.InvalidProtocolException;
import org.tandem.protocols.validation.ProtocolChecks;
import org.tandem.protocols.validation.ProtocolJson;
import org.tandem.protocols.validation.SchemaCheck;

/**
 * Reads a protocol file: parse within the protocol limits, check against the published JSON Schema, check the
 * cross-references the schema cannot express and the trial count, and only then bind to {@link Protocol}. Every problem is
 * collected and reported with its place in the file; nothing is planned before all of them are known.
 */
public final class ProtocolReader {
    /** Classpath location of the published schema (also printed by {@code tandem protocol schema}). */
    public static final String SCHEMA_RESOURCE = "/org/tandem/protocols/protocol.schema.json";

    private ProtocolReader() {
    }

    /**
     * Reads and checks the document on its own: schema, limits, cross-references and the trial count.
     *
     * @param json   the file's text
     * @param source how to name the file in messages (its path, or the built-in protocol's name)
     * @throws InvalidProtocolException listing every problem found
     */
    public static Protocol read(String json, String source) {
        return read(json, source, null, false);
    }

    /**
     * Reads with everything that can be known before a session is planned: what {@link #read(String, String)} checks,
     * the references to built-in stimuli, and whether each run-length limit alone can be met in every block of the
     * protocol and of each variant.
     *
     * @param vocabulary what the built-in stimulus sets can show (the engine knows it); null leaves references unchecked
     * @throws InvalidProtocolException listing every problem found
     */
    public static Protocol readForSession(String json, String source, StimulusVocabulary vocabulary) {
        return read(json, source, vocabulary, true);
    }

    private static Protocol read(String json, String source, StimulusVocabulary vocabulary, boolean orderability) {
        JsonNode tree = ProtocolJson.parse(json, source);
        ProtocolChecks checks = ProtocolChecks.forDocument(json);
        List<String> rejected = SchemaCheck.check(tree, checks);
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
                checks.report(bindingPointer(e), "cannot be read as this member of a protocol; compare it with"
                        + " the format (tandem protocol schema)");
                checks.throwIfAny(source);
            }
        }
        checks.semantics(protocol, removed, vocabulary);
        if (orderability) {
            checks.orderability(protocol);
        }
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

    /** Where a binding failure happened, as a JSON Pointer ("" for the whole document). */
    private static String bindingPointer(Exception e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            String token = step.getFieldName() != null ? step.getFieldName() : Integer.toString(step.getIndex());
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
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
