package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.tandem.observer.nn.TfWeights;
import org.tandem.observer.weights.NamedWeights;

/**
 * The shape shared by the expression and 68-landmark networks: mean-normalised 112x112 input, the dense-block
 * {@link FaceFeatureExtractor}, then one linear layer {@code fc}, offered as the layer {@code head}. Only the head's width,
 * its name and the reading of its outputs differ.
 */
final class LinearHeadNet {
    static final int INPUT_SIZE = 112;

    private LinearHeadNet() {
    }

    /** The network's stages: {@code dense0..dense3}, {@code features}, then {@code head}. */
    static StagedNet build(NDManager parent, NamedWeights w, String head) {
        NDManager weights = parent.newSubManager();
        List<StagedNet.Stage> stages = new FaceFeatureExtractor(weights, w).stages();
        NDArray fcWeights = TfWeights.matrix(weights, w.tensor("fc/weights"));
        NDArray fcBias = TfWeights.vector(weights, w.tensor("fc/bias"));
        stages.add(new StagedNet.Stage(head, x -> x.matMul(fcWeights).add(fcBias),
                (g, x) -> g.add(g.matMul(x, fcWeights.toFloatArray(), (int) fcWeights.getShape().get(0),
                        (int) fcWeights.getShape().get(1)), fcBias.toFloatArray(), fcBias.size())));
        return new StagedNet(weights, INPUT_SIZE, stages);
    }
}
