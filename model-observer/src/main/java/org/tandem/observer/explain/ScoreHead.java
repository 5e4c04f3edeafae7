package org.tandem.observer.explain;

import java.util.List;

/**
 * The scores a class-activation map explains: one per class, read off a layer at or after the mapped one. Either the
 * layer's own values are the scores (a network's logits), or a linear readout of the layer's flattened values gives
 * them: score of class k = weights[k] · values + bias[k].
 *
 * @param layer   the layer the scores are read from
 * @param classes the class names, in score order
 * @param weights null when the layer's values are the scores; else one row of weights per class
 * @param bias    null with null weights; else one offset per class
 */
public record ScoreHead(String layer, List<String> classes, float[][] weights, double[] bias) {

    public ScoreHead {
        classes = List.copyOf(classes);
        if ((weights == null) != (bias == null)) {
            throw new IllegalArgumentException("weights and bias go together");
        }
        if (weights != null && (weights.length != classes.size() || bias.length != classes.size())) {
            throw new IllegalArgumentException("one row of weights and one bias per class");
        }
    }

    /** The layer's values are the class scores, e.g. an expression network's logits. */
    public static ScoreHead outputs(String layer, List<String> classes) {
        return new ScoreHead(layer, classes, null, null);
    }

    /** A linear readout of the layer: {@code weights[k] · values + bias[k]}. */
    public static ScoreHead linear(String layer, List<String> classes, float[][] weights, double[] bias) {
        return new ScoreHead(layer, classes, weights, bias);
    }

    /** The class index of a label (case-insensitive), or -1 if no class has that name. */
    public int indexOf(String label) {
        for (int k = 0; k < classes.size(); k++) {
            if (classes.get(k).equalsIgnoreCase(label)) {
                return k;
            }
        }
        return -1;
    }
}
