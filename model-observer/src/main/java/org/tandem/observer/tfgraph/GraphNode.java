package org.tandem.observer.tfgraph;

import java.util.List;

/**
 * One node of a TF.js graph model: its name (also the layer name users give with {@code --layer}), its op, the nodes whose
 * first output it reads (control inputs, {@code ^name}, left out) and its attributes.
 */
record GraphNode(String name, String op, List<String> inputs, NodeAttributes attributes) {
    GraphNode {
        inputs = List.copyOf(inputs);
    }
}
