package org.tandem.protocols.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.ProtocolReader;

/**
 * Checks a protocol's tree against the published JSON Schema and reports each problem at its place, worded as what to
 * give: a number out of range names the range, whatever the validator's own wording.
 */
public final class SchemaCheck {
    private static final Set<String> RANGE_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
    /** Integers beyond this many digits are out of every range in the schema; they are checked as this bound. */
    private static final int MAX_INTEGER_DIGITS = 30;
    private static final BigInteger BEYOND_EVERY_RANGE = BigInteger.TEN.pow(MAX_INTEGER_DIGITS);

    private final JsonSchema schema;
    private final JsonNode schemaTree;

    private SchemaCheck(String schemaText) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText, config);
        try {
            this.schemaTree = CanonicalJson.mapper().readTree(schemaText);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the protocol schema is not valid JSON", e);
        }
    }

    private static final SchemaCheck PUBLISHED = new SchemaCheck(ProtocolReader.schemaText());

    /**
     * Reports every schema problem of the document to {@code checks}.
     *
     * @return the JSON Pointers of the values the schema rejected (wrong type, pattern or range)
     */
    public static List<String> check(JsonNode tree, ProtocolChecks checks) {
        return PUBLISHED.run(tree, checks);
    }

    private List<String> run(JsonNode tree, ProtocolChecks checks) {
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(integralAsIntegers(tree, false)));
        Set<String> wrongType = new HashSet<>();
        messages.stream().filter(m -> "type".equals(m.getType())).forEach(m -> wrongType.add(pointer(m)));
        List<String> rejected = new ArrayList<>();
        for (ValidationMessage message : messages) {
            String pointer = pointer(message);
            boolean range = RANGE_KEYWORDS.contains(message.getType());
            if (range && wrongType.contains(pointer)) {
                continue; // "1.5 for a count" is a type problem; a range on top would only repeat it
            }
            boolean aboutValue = !"required".equals(message.getType());
            String text = range ? outOfRange(rule(message), tree.at(pointer)) : message(message);
            checks.reportSchema(pointer, text, aboutValue);
            if (aboutValue) {
                rejected.add(pointer);
            }
        }
        return rejected;
    }

    /**
     * The validator compares a decimal such as 1.8446744073709551617E19 with an integer range through its {@code long}
     * value, which wraps around into the range. So the tree is checked with integral decimals turned into integers, those
     * too long for any range standing in as a bound beyond them. Levels keep their form: they are numbers of any kind, and
     * 20 and 20.0 are told apart there by a check that names them.
     */
    private static JsonNode integralAsIntegers(JsonNode node, boolean levels) {
        if (levels) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.fields().forEachRemaining(e -> copy.set(e.getKey(), integralAsIntegers(e.getValue(), "levels".equals(e.getKey()))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode(array.size());
            array.forEach(item -> copy.add(integralAsIntegers(item, false)));
            return copy;
        }
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            if (value.signum() == 0) {
                return BigIntegerNode.valueOf(BigInteger.ZERO);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() <= 0) {
                boolean huge = stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS;
                return BigIntegerNode.valueOf(huge ? BEYOND_EVERY_RANGE.multiply(BigInteger.valueOf(value.signum()))
                        : stripped.toBigIntegerExact());
            }
        }
        return node;
    }

    /** Where a problem belongs; an unknown member is placed at its key, not at the object that holds it. */
    private static String pointer(ValidationMessage message) {
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return message.getInstanceLocation().append(message.getProperty()).toString();
        }
        return message.getInstanceLocation().toString();
    }

    /** The schema object holding the keyword that failed, e.g. {@code {"type": "integer", "minimum": 1, ...}}. */
    private JsonNode rule(ValidationMessage message) {
        String keyword = message.getSchemaLocation().getFragment().toString();
        return schemaTree.at(JsonPointer.compile(keyword).head());
    }

    private static String outOfRange(JsonNode rule, JsonNode value) {
        String written = value.isNumber() ? ProtocolReader.canonicalNumber(value.decimalValue()) : value.toString();
        return written + " is out of range: give " + range(rule);
    }

    /** e.g. "a whole number from 1 to 1,000,000". */
    private static String range(JsonNode rule) {
        boolean whole = "integer".equals(rule.path("type").asText());
        String low = rule.has("minimum") ? grouped(rule.get("minimum").decimalValue()) : null;
        String high = rule.has("maximum") ? grouped(rule.get("maximum").decimalValue()) : null;
        String kind = whole ? "a whole number" : "a number";
        if (low != null && high != null) {
            return kind + " from " + low + " to " + high;
        }
        return low != null ? kind + " of at least " + low : kind + " of at most " + high;
    }

    private static String grouped(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? String.format(Locale.ROOT, "%,d", stripped.toBigIntegerExact()) : stripped.toPlainString();
    }

    /** The validator's message without the location prefix it adds (the location is reported separately). */
    private String message(ValidationMessage message) {
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
        text = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        JsonNode rule = rule(message);
        boolean numeric = rule.path("type").isTextual() && (rule.has("minimum") || rule.has("maximum"));
        if ("type".equals(message.getType()) && numeric) {
            return text + ": give " + range(rule);
        }
        return text;
    }
}
