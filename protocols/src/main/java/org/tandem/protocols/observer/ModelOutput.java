package org.tandem.protocols.observer;

import java.util.List;

/** A network's output vector for a trial, with the name of each entry (e.g. the seven expression probabilities). */
public record ModelOutput(List<String> labels, List<Double> values) {
    public ModelOutput {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + values.size() + " output values");
        }
    }
}
