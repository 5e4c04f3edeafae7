package org.tandem.observer.usermodel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user network as its card describes it (see docs/OBSERVERS.md, "User models").
 *
 * @param card         the card file, named in every error
 * @param modelFile    the model file, resolved against the card's folder
 * @param features     layer name to model output index; empty means every output is offered as {@code outputK}
 * @param defaultLayer the layer read when none is named; null means the first offered layer
 * @param labels       names of the entries of the model's last output; empty when the card gives none
 * @param outputsAreProbabilities true when the last output is already probabilities, so no softmax is applied
 */
public record ModelCard(Path card, Path modelFile, ModelFormat format, InputSpec input, List<String> labels,
                        Map<String, Integer> features, String defaultLayer, boolean outputsAreProbabilities) {
}
