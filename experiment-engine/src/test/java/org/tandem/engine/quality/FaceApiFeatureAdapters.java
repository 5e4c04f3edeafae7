package org.tandem.engine.quality;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.Function;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.faceapi.FaceRecognitionNet;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * Minimal feature networks over the face-api classes' public outputs, for testing readouts on real networks: the
 * recognition network's 128-value descriptor, and the expression network's seven logits.
 */
final class FaceApiFeatureAdapters {
    private FaceApiFeatureAdapters() {
    }

    static FeatureNetwork recognitionDescriptor(String spec) {
        NDManager base = DjlEngine.newBaseManager();
        FaceRecognitionNet net = new FaceRecognitionNet(base, ModelSpec.parse(spec).weights(ModelStore.faceApi()));
        return new OneLayer(spec, "descriptor", FaceRecognitionNet.DESCRIPTOR_SIZE, net::predict, () -> {
            net.close();
            base.close();
        });
    }

    static FeatureNetwork expressionLogits(String spec) {
        NDManager base = DjlEngine.newBaseManager();
        FaceExpressionNet net = new FaceExpressionNet(base, ModelSpec.parse(spec).weights(ModelStore.faceApi()));
        return new OneLayer(spec, "logits", 7,
                crops -> net.predict(crops).stream().map(ExpressionPrediction::logits).toList(), () -> {
                    net.close();
                    base.close();
                });
    }

    private record OneLayer(String id, String layer, int width, Function<List<Raster>, List<float[]>> forward,
                            Runnable free) implements FeatureNetwork {
        @Override
        public List<String> layers() {
            return List.of(layer);
        }

        @Override
        public String defaultLayer() {
            return layer;
        }

        @Override
        public LayerActivations activations(List<Raster> crops, String name) {
            if (!layer.equals(name)) {
                throw new TandemException(id + " offers only the layer '" + layer + "', not '" + name + "'");
            }
            List<float[]> rows = forward.apply(crops);
            float[] data = new float[rows.size() * width];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, data, i * width, width);
            }
            return new LayerActivations(layer, rows.size(), new long[] {width}, data);
        }

        @Override
        public void close() {
            free.run();
        }
    }
}
