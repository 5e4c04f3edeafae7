package org.tandem.observer.faceapi;

import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.protocols.observer.Raster;

/**
 * The expression network's predictions read from its {@code logits} layer through {@link FeatureNetwork}: the path a
 * manipulated (lesioned or shuffled) expression network answers by, the same forward pass as its features.
 */
public final class LayerExpressionClassifier implements ExpressionClassifier {
    static final String LOGITS = "logits";

    private final FeatureNetwork network;

    /** @param network faceapi:expression or its twin, possibly manipulated; closed with this classifier */
    public LayerExpressionClassifier(FeatureNetwork network) {
        this.network = network;
    }

    @Override
    public List<ExpressionPrediction> predict(List<Raster> crops) {
        LayerActivations logits = network.activations(crops, LOGITS);
        List<ExpressionPrediction> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            float[] l = logits.item(i);
            out.add(new ExpressionPrediction(l, Softmax.of(l)));
        }
        return out;
    }

    @Override
    public void close() {
        network.close();
    }
}
