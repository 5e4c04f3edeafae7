package org.tandem.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.plan.SplitMix64;

/**
 * Seeded mutations of a protocol document, the kinds of damage a hand-edited or half-copied file shows: a member or list
 * element deleted, a value of the wrong type, an extreme number, a member given twice, runaway nesting, a file cut off at
 * some byte, bytes that are not UTF-8, and a name or level swapped for another string.
 */
final class ProtocolMutations {
    /** What a mutation did, and the bytes of the mutated file. */
    record Mutant(String description, byte[] bytes) {
    }

    /** Written in place of a value, then replaced by raw text that no JSON tree can hold (e.g. NaN, 2^63). */
    private static final String RAW = "@@raw@@";
    private static final String DUPLICATE = "@@duplicate@@";
    private static final List<String> EXTREME_NUMBERS = List.of("0", "-1", "2147483648", "2147483647", "-2147483649",
            "9223372036854775808", "9223372036854775807", "18446744073709551617", "1e308", "-1e308", "1e999999999",
            "1e-400", "1.8446744073709551617E19", "0.5", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"",
            "\"1e308\"", "-0", "1" + "0".repeat(120));
    private static final List<JsonNode> WRONG_TYPES = List.of(TextNode.valueOf("x"), JsonNodeFactory.instance.numberNode(7),
            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(), TextNode.valueOf(""));
    private static final List<String> STRANGE_STRINGS = List.of("joy", "x24", "0", "00", "-1", "average", "neutral",
            "synthetic-face", "sad-happy", "50", "1e3", "A\nB", "\u00e9", "\uD83D\uDE00", "main", "practice", "identity",
            "expression", "happiness", "blocked", "fixed", "click");
    private static final int[] NESTING = {70, 1000, 100_000};
    private static final byte[][] NOT_UTF8 = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xFE},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};

    private final SplitMix64 random;

    ProtocolMutations(long seed) {
        this.random = new SplitMix64(seed);
    }

    Mutant mutate(String name, String json) {
        JsonNode tree = parse(json);
        return switch (random.nextInt(10)) {
            case 0 -> deleteMember(name, tree);
            case 1 -> deleteElement(name, tree);
            case 2 -> wrongType(name, tree);
            case 3, 4 -> extremeNumber(name, tree);
            case 5 -> duplicateMember(name, tree);
            case 6 -> deepNesting(name, tree);
            case 7 -> truncate(name, json);
            case 8 -> notUtf8(name, json);
            default -> otherString(name, tree);
        };
    }

    private Mutant deleteMember(String name, JsonNode tree) {
        ObjectNode object = pick(containers(tree, true));
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        object.remove(field);
        return text(name + ": member '" + field + "' deleted", tree, null);
    }

    private Mutant deleteElement(String name, JsonNode tree) {
        List<JsonNode> arrays = containers(tree, false).stream().filter(a -> !a.isEmpty()).toList();
        ArrayNode array = (ArrayNode) pick(arrays);
        int index = random.nextInt(array.size());
        array.remove(index);
        return text(name + ": list element " + index + " deleted", tree, null);
    }

    private Mutant wrongType(String name, JsonNode tree) {
        JsonNode value = WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
        String where = replaceLeafOrContainer(tree, value.deepCopy());
        return text(name + ": " + where + " = " + value, tree, null);
    }

    private Mutant extremeNumber(String name, JsonNode tree) {
        String raw = EXTREME_NUMBERS.get(random.nextInt(EXTREME_NUMBERS.size()));
        // numbers go where numbers are, most of the time; sometimes anywhere
        List<Slot> numbers = slots(tree).stream().filter(s -> s.value().isNumber()).toList();
        Slot slot = random.nextInt(4) > 0 && !numbers.isEmpty() ? pick(numbers) : pick(slots(tree));
        slot.set(TextNode.valueOf(RAW));
        return text(name + ": " + slot.where() + " = " + raw, tree, raw);
    }

    private Mutant duplicateMember(String name, JsonNode tree) {
        ObjectNode object = pick(containers(tree, true));
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        Map.Entry<String, JsonNode> field = fields.get(random.nextInt(fields.size()));
        object.set(DUPLICATE, field.getValue().deepCopy());
        String json = CanonicalJson.pretty(tree).replace("\"" + DUPLICATE + "\"", "\"" + field.getKey() + "\"");
        return new Mutant(name + ": member '" + field.getKey() + "' given twice", json.getBytes(StandardCharsets.UTF_8));
    }

    private Mutant deepNesting(String name, JsonNode tree) {
        int depth = NESTING[random.nextInt(NESTING.length)];
        boolean closed = random.nextInt(2) == 0;
        Slot slot = pick(slots(tree));
        slot.set(TextNode.valueOf(RAW));
        String raw = "[".repeat(depth) + (closed ? "]".repeat(depth) : "");
        return text(name + ": " + slot.where() + " nested " + depth + " deep" + (closed ? "" : ", unclosed"), tree, raw);
    }

    private Mutant truncate(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int cut = random.nextInt(bytes.length);
        return new Mutant(name + ": cut at byte " + cut, java.util.Arrays.copyOf(bytes, cut));
    }

    private Mutant notUtf8(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        byte[] bad = NOT_UTF8[random.nextInt(NOT_UTF8.length)];
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + bad.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
        return new Mutant(name + ": " + bad.length + " bytes not UTF-8 at " + at, out);
    }

    private Mutant otherString(String name, JsonNode tree) {
        List<Slot> strings = slots(tree).stream().filter(s -> s.value().isTextual()).toList();
        Slot slot = pick(strings);
        String value = STRANGE_STRINGS.get(random.nextInt(STRANGE_STRINGS.size()));
        slot.set(TextNode.valueOf(value));
        return text(name + ": " + slot.where() + " = \"" + value + "\"", tree, null);
    }

    /** Replaces a random value (a leaf or a whole object or list) and says where. */
    private String replaceLeafOrContainer(JsonNode tree, JsonNode value) {
        Slot slot = pick(slots(tree));
        slot.set(value);
        return slot.where();
    }

    private static Mutant text(String description, JsonNode tree, String raw) {
        String json = CanonicalJson.pretty(tree);
        if (raw != null) {
            json = json.replace("\"" + RAW + "\"", raw);
        }
        return new Mutant(description, json.getBytes(StandardCharsets.UTF_8));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A place that holds a value: a member of an object or an element of a list. */
    private record Slot(JsonNode parent, String field, int index, String where) {
        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode tree) {
        List<Slot> out = new ArrayList<>();
        collect(tree, "$", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                out.add(new Slot(node, field, -1, path + "." + field));
                collect(node.get(field), path + "." + field, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i, path + "[" + i + "]"));
                collect(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> List<T> containers(JsonNode tree, boolean objects) {
        List<T> out = new ArrayList<>();
        if (objects ? tree.isObject() && tree.size() > 0 : tree.isArray()) {
            out.add((T) tree);
        }
        tree.forEach(child -> out.addAll(containers(child, objects)));
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a built-in protocol must parse", e);
        }
    }
}
