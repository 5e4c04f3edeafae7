package org.tandem.observer.usermodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.protocols.TandemException;

/**
 * Reads and checks a model card's JSON. Everything that can be checked without running the model is checked here;
 * the input size and the label count are checked by {@link UserModel} with a dry run.
 */
public final class ModelCardReader {
    private static final Set<String> FIELDS = Set.of("file", "format", "input", "labels", "features", "default_layer",
            "output");
    private static final Set<String> INPUT_FIELDS = Set.of("size", "channels", "layout", "scale", "mean", "std");

    private ModelCardReader() {
    }

    public static ModelCard read(Path card) {
        JsonNode root = parse(card);
        unknownFields(card, root, FIELDS, "");
        Path modelFile = modelFile(card, text(card, root, "file", null));
        String formatName = text(card, root, "format", null);
        ModelFormat format = ModelFormat.fromCard(formatName).orElseThrow(() -> CardError.of(card, "format",
                "unknown format '" + formatName + "'; write \"torchscript\" or \"onnx\""));
        InputSpec input = input(card, root.get("input"));
        List<String> labels = labels(card, root.get("labels"));
        Map<String, Integer> features = features(card, root.get("features"));
        String defaultLayer = root.has("default_layer") ? text(card, root, "default_layer", null) : null;
        if (defaultLayer != null && !features.isEmpty() && !features.containsKey(defaultLayer)) {
            throw CardError.of(card, "default_layer", "unknown layer '" + defaultLayer + "'; the card's features are "
                    + features.keySet());
        }
        String output = text(card, root, "output", "logits");
        if (!output.equals("logits") && !output.equals("probabilities")) {
            throw CardError.of(card, "output", "'" + output + "' is neither \"logits\" nor \"probabilities\"");
        }
        return new ModelCard(card, modelFile, format, input, labels, features, defaultLayer,
                output.equals("probabilities"));
    }

    private static JsonNode parse(Path card) {
        if (!Files.isRegularFile(card)) {
            throw new TandemException("model card " + card + " does not exist; give the path of a card .json file");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(card.toFile());
            if (root == null || !root.isObject()) {
                throw new TandemException("model card " + card + " is not a JSON object; see docs/OBSERVERS.md"
                        + " for an example card");
            }
            return root;
        } catch (IOException e) {
            throw new TandemException("model card " + card + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Path modelFile(Path card, String file) {
        Path folder = card.toAbsolutePath().getParent();
        Path model = folder.resolve(file).normalize();
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            throw CardError.of(card, "file", "model file " + model + " is missing or unreadable; the path is relative"
                    + " to the card's folder");
        }
        return model;
    }

    private static InputSpec input(Path card, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw CardError.of(card, "input", "missing; give {\"size\": [H, W], ...}");
        }
        unknownFields(card, node, INPUT_FIELDS, "input.");
        JsonNode size = node.get("size");
        if (size == null || !size.isArray() || size.size() != 2 || !positiveInt(size.get(0)) || !positiveInt(size.get(1))) {
            throw CardError.of(card, "input.size", "must be [height, width] in pixels, got " + size);
        }
        String channels = text(card, node, "channels", "rgb", "input.");
        if (!channels.equals("rgb") && !channels.equals("bgr")) {
            throw CardError.of(card, "input.channels", "'" + channels + "' is neither \"rgb\" nor \"bgr\"");
        }
        String layout = text(card, node, "layout", "nchw", "input.");
        if (!layout.equals("nchw") && !layout.equals("nhwc")) {
            throw CardError.of(card, "input.layout", "'" + layout + "' is neither \"nchw\" nor \"nhwc\"");
        }
        double[] std = triple(card, node, "std", 1);
        for (double s : std) {
            if (s == 0) {
                throw CardError.of(card, "input.std", "a standard deviation of 0 would divide by zero");
            }
        }
        return new InputSpec(size.get(0).asInt(), size.get(1).asInt(), channels.equals("bgr"), layout.equals("nhwc"),
                scale(card, node.get("scale")), triple(card, node, "mean", 0), std);
    }

    /** A number, or a fraction written as a string such as "1/255" (as model docs usually state it). */
    private static double scale(Path card, JsonNode node) {
        if (node == null) {
            return 1;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        String[] parts = node.asText().split("/");
        try {
            if (parts.length == 2) {
                return Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim());
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw CardError.of(card, "input.scale", "must be a number or a fraction such as \"1/255\", got " + node);
    }

    private static double[] triple(Path card, JsonNode input, String field, double fill) {
        JsonNode node = input.get(field);
        if (node == null) {
            return new double[] {fill, fill, fill};
        }
        if (!node.isArray() || node.size() != 3 || !node.get(0).isNumber() || !node.get(1).isNumber()
                || !node.get(2).isNumber()) {
            throw CardError.of(card, "input." + field, "must be three numbers in the model's channel order, got " + node);
        }
        return new double[] {node.get(0).asDouble(), node.get(1).asDouble(), node.get(2).asDouble()};
    }

    private static List<String> labels(Path card, JsonNode node) {
        List<String> labels = new ArrayList<>();
        if (node == null) {
            return labels;
        }
        if (!node.isArray()) {
            throw CardError.of(card, "labels", "must be an array of class names");
        }
        for (JsonNode label : node) {
            if (!label.isTextual()) {
                throw CardError.of(card, "labels", "every label must be a string, got " + label);
            }
            labels.add(label.asText());
        }
        return List.copyOf(labels);
    }

    private static Map<String, Integer> features(Path card, JsonNode node) {
        Map<String, Integer> features = new LinkedHashMap<>();
        if (node == null) {
            return features;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw CardError.of(card, "features", "must map layer names to model output indices, e.g."
                    + " {\"embedding\": 0, \"logits\": 1}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber() || e.getValue().asInt() < 0) {
                throw CardError.of(card, "features." + e.getKey(), "must be a model output index (0, 1, ...), got "
                        + e.getValue());
            }
            features.put(e.getKey(), e.getValue().asInt());
        }
        return features;
    }

    private static String text(Path card, JsonNode node, String field, String fallback) {
        return text(card, node, field, fallback, "");
    }

    private static String text(Path card, JsonNode node, String field, String fallback, String prefix) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (fallback == null) {
                throw CardError.of(card, prefix + field, "missing");
            }
            return fallback;
        }
        if (!value.isTextual()) {
            throw CardError.of(card, prefix + field, "must be a string, got " + value);
        }
        return value.asText();
    }

    private static boolean positiveInt(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() && n.asInt() > 0;
    }

    private static void unknownFields(Path card, JsonNode node, Set<String> known, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw CardError.of(card, prefix + name, "unknown field; the card's fields are " + known.stream().sorted()
                        .map(f -> prefix + f).toList());
            }
        });
    }
}
