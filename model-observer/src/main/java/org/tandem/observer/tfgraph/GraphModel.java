package org.tandem.observer.tfgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.protocols.TandemException;

/**
 * A TF.js graph model as stored ({@code NAME.json}: {@code modelTopology.node}, the weight manifest, the signature; and its
 * {@code .bin} shards): nodes in file order, the constants' values, the input placeholder and the output nodes.
 *
 * @param outputs the signature's outputs in order, or, without a signature, every node no other node reads
 */
public record GraphModel(Path file, List<GraphNode> nodes, NamedWeights constants, String input, long[] inputShape,
                         List<String> outputs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public GraphModel {
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
    }

    /** Reads {@code folder/NAME.json} and its weight shards. */
    public static GraphModel load(Path folder, String name) {
        Path file = folder.resolve(name + ".json");
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new TandemException("the graph model " + file + " cannot be read (" + e.getMessage()
                    + "); run `tandem models fetch` to install it again", e);
        }
        JsonNode nodeList = root.path("modelTopology").path("node");
        if (!nodeList.isArray() || nodeList.isEmpty()) {
            throw new TandemException("the graph model " + file + " has no modelTopology.node list; is it a TF.js graph"
                    + " model (format graph-model)?");
        }
        List<GraphNode> nodes = new ArrayList<>();
        for (JsonNode n : nodeList) {
            List<String> inputs = new ArrayList<>();
            for (JsonNode in : n.path("input")) {
                if (!in.asText().startsWith("^")) {
                    inputs.add(in.asText());
                }
            }
            nodes.add(new GraphNode(n.path("name").asText(), n.path("op").asText(), inputs,
                    new NodeAttributes(n.path("attr"))));
        }
        NamedWeights constants = TfjsWeightManifest.fromGroups(folder, file, root.path("weightsManifest"));
        List<GraphNode> placeholders = nodes.stream().filter(n -> n.op().equals("Placeholder")).toList();
        if (placeholders.size() != 1) {
            throw new TandemException("the graph model " + file + " has " + placeholders.size() + " inputs; Tandem runs"
                    + " graphs with one image input");
        }
        GraphNode input = placeholders.get(0);
        JsonNode dims = input.attributes().attr().path("shape").path("shape").path("dim");
        long[] shape = new long[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            shape[k] = dims.get(k).path("size").asLong(-1);
        }
        return new GraphModel(file, nodes, constants, input.name(), shape, outputs(root, nodes));
    }

    /** The graph's outputs: the signature's, in its order, or the nodes nothing reads. */
    private static List<String> outputs(JsonNode root, List<GraphNode> nodes) {
        // converters put the signature at the top level or in userDefinedMetadata
        JsonNode signature = root.has("signature") ? root.path("signature").path("outputs")
                : root.path("userDefinedMetadata").path("signature").path("outputs");
        if (signature.isObject() && !signature.isEmpty()) {
            List<String> names = new ArrayList<>();
            signature.fields().forEachRemaining(e -> names.add(nodeName(e.getValue().path("name").asText(e.getKey()))));
            return names;
        }
        Set<String> read = new HashSet<>();
        nodes.forEach(n -> n.inputs().forEach(in -> read.add(nodeName(in))));
        return nodes.stream().map(GraphNode::name).filter(n -> !read.contains(n)).toList();
    }

    /** {@code conv1:0} and {@code conv1} name the same node; {@code topk:1} its second output. */
    static String nodeName(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon < 0 ? reference : reference.substring(0, colon);
    }

    /** The nodes by name, in file order. */
    public Map<String, GraphNode> byName() {
        Map<String, GraphNode> map = new LinkedHashMap<>();
        nodes.forEach(n -> map.put(n.name(), n));
        return map;
    }
}
