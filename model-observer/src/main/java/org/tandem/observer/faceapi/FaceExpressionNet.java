package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.nn.TfWeights;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.observer.Raster;

/** face-api's FaceExpressionNet: a 112x112 face crop to 7 expression logits (order of {@link Expression}). */
public final class FaceExpressionNet implements AutoCloseable {
    public static final String MODEL = "face_expression_model";
    public static final int INPUT_SIZE = 112;

    private final NDManager weights;
    private final FaceFeatureExtractor body;
    private final NDArray fcWeights;
    private final NDArray fcBias;
    private final NDArray mean;

    /** Builds the network on weights from {@code parent} (the weights live until {@link #close()}). */
    public FaceExpressionNet(NDManager parent, NamedWeights w) {
        w.requireAll(FaceApiArchitectures.expression());
        weights = parent.newSubManager();
        body = new FaceFeatureExtractor(weights, w);
        fcWeights = TfWeights.matrix(weights, w.tensor("fc/weights"));
        fcBias = TfWeights.vector(weights, w.tensor("fc/bias"));
        mean = MeanRgb.array(weights);
    }

    /** @param nhwc preprocessed batch [N, 112, 112, 3], RGB 0..255; @return logits [N, 7], owned by nhwc's manager */
    public NDArray logits(NDArray nhwc) {
        return body.features(MeanRgb.normalise(nhwc, mean)).matMul(fcWeights).add(fcBias);
    }

    /** Runs the crops as one batch. */
    public List<ExpressionPrediction> predict(List<Raster> crops) {
        try (NDManager m = weights.newSubManager()) {
            float[] all = logits(InputBatch.of(m, crops, INPUT_SIZE)).toFloatArray();
            int classes = Expression.values().length;
            List<ExpressionPrediction> out = new ArrayList<>(crops.size());
            for (int i = 0; i < crops.size(); i++) {
                float[] logits = java.util.Arrays.copyOfRange(all, i * classes, (i + 1) * classes);
                out.add(new ExpressionPrediction(logits, Softmax.of(logits)));
            }
            return out;
        }
    }

    @Override
    public void close() {
        weights.close();
    }
}
