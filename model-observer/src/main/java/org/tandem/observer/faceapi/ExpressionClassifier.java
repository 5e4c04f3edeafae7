package org.tandem.observer.faceapi;

import java.util.List;
import org.tandem.protocols.observer.Raster;

/**
 * A network whose own outputs name facial expressions, given per face as probabilities (and logits) of face-api's seven
 * {@link Expression} classes: face-api's expression network, and human-models' emotion network with its classes mapped.
 */
public interface ExpressionClassifier extends AutoCloseable {
    List<ExpressionPrediction> predict(List<Raster> crops);

    @Override
    void close();
}
