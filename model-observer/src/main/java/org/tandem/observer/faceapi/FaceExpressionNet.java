package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.observer.Raster;

/** face-api's FaceExpressionNet: a 112x112 face crop to 7 expression logits (order of {@link Expression}). */
public final class FaceExpressionNet implements ExpressionClassifier, FaceApiModel {
    public static final String MODEL = "face_expression_model";
    public static final int INPUT_SIZE = LinearHeadNet.INPUT_SIZE;

    private final StagedNet net;

    /** Builds the network on weights from {@code parent} (the weights live until {@link #close()}). */
    public FaceExpressionNet(NDManager parent, NamedWeights w) {
        w.requireAll(FaceApiArchitectures.expression());
        net = LinearHeadNet.build(parent, w, "logits");
    }

    /** @param nhwc preprocessed batch [N, 112, 112, 3], RGB 0..255; @return logits [N, 7], owned by nhwc's manager */
    public NDArray logits(NDArray nhwc) {
        return net.forward(nhwc, "logits");
    }

    /** Runs the crops as one batch. */
    @Override
    public List<ExpressionPrediction> predict(List<Raster> crops) {
        float[] all = net.outputs(crops);
        int classes = Expression.values().length;
        List<ExpressionPrediction> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            float[] logits = Arrays.copyOfRange(all, i * classes, (i + 1) * classes);
            out.add(new ExpressionPrediction(logits, Softmax.of(logits)));
        }
        return out;
    }

    /** The layers offered as features: {@code dense0..dense3}, {@code features}, {@code logits}. */
    StagedNet staged() {
        return net;
    }

    @Override
    public OptionalLong flopsPerFace() {
        return net.flopsPerFace();
    }

    @Override
    public String engine() {
        return net.engine();
    }

    @Override
    public void close() {
        net.close();
    }
}
