package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.tandem.observer.nn.TfWeights;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.observer.Raster;

/**
 * The shape shared by the expression and 68-landmark networks: mean-normalised 112x112 input, the dense-block
 * {@link FaceFeatureExtractor}, then one linear layer {@code fc}. Only the head's width and the reading of its outputs differ.
 */
final class LinearHeadNet implements AutoCloseable {
    static final int INPUT_SIZE = 112;

    private final NDManager weights;
    private final FaceFeatureExtractor body;
    private final NDArray fcWeights;
    private final NDArray fcBias;
    private final NDArray mean;

    LinearHeadNet(NDManager parent, NamedWeights w) {
        weights = parent.newSubManager();
        body = new FaceFeatureExtractor(weights, w);
        fcWeights = TfWeights.matrix(weights, w.tensor("fc/weights"));
        fcBias = TfWeights.vector(weights, w.tensor("fc/bias"));
        mean = MeanRgb.array(weights);
    }

    /** @param nhwc preprocessed batch [N, 112, 112, 3], RGB 0..255; @return head outputs [N, width], owned by nhwc's manager */
    NDArray outputs(NDArray nhwc) {
        return body.features(MeanRgb.normalise(nhwc, mean)).matMul(fcWeights).add(fcBias);
    }

    /** Runs the crops as one batch; the outputs of crop i are at [i * width, (i + 1) * width). */
    float[] outputs(List<Raster> crops) {
        try (NDManager m = weights.newSubManager()) {
            return outputs(InputBatch.of(m, crops, INPUT_SIZE)).toFloatArray();
        }
    }

    @Override
    public void close() {
        weights.close();
    }
}
