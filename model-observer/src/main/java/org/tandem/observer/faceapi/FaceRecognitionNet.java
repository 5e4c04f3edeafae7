package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.nn.Layers;
import org.tandem.observer.nn.TfWeights;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.WeightShape;
import org.tandem.protocols.observer.Raster;

/**
 * face-api's FaceRecognitionNet (dlib's ResNet-29 style): a 150x150 crop to a 128-D descriptor, not L2-normalised
 * (face-api compares descriptors by Euclidean distance, 0.6 being its match threshold).
 */
public final class FaceRecognitionNet implements AutoCloseable {
    public static final String MODEL = "face_recognition_model";
    public static final int INPUT_SIZE = 150;
    public static final int DESCRIPTOR_SIZE = 128;

    /** One conv layer: OIHW filters, bias, and the per-channel affine (folded batch norm) that follows. */
    private record ConvLayer(NDArray filters, NDArray bias, NDArray scale, NDArray shift) {
    }

    private final NDManager weights;
    private final Map<String, ConvLayer> layers = new HashMap<>();
    private final NDArray fc;
    private final NDArray mean;

    public FaceRecognitionNet(NDManager parent, NamedWeights w) {
        List<WeightShape> architecture = FaceApiArchitectures.recognition();
        w.requireAll(architecture);
        weights = parent.newSubManager();
        for (WeightShape s : architecture) {
            if (s.name().endsWith("/conv/filters")) {
                String p = s.name().substring(0, s.name().length() - "/conv/filters".length());
                layers.put(p, new ConvLayer(
                        TfWeights.convFilter(weights, w.tensor(p + "/conv/filters")),
                        TfWeights.vector(weights, w.tensor(p + "/conv/bias")),
                        TfWeights.perChannel(weights, w.tensor(p + "/scale/weights")),
                        TfWeights.perChannel(weights, w.tensor(p + "/scale/biases"))));
            }
        }
        fc = TfWeights.matrix(weights, w.tensor("fc"));
        mean = MeanRgb.array(weights);
    }

    /** @param nhwc preprocessed batch [N, 150, 150, 3]; @return descriptors [N, 128] */
    public NDArray descriptors(NDArray nhwc) {
        NDArray x = MeanRgb.normalise(nhwc, mean);
        x = convLayer(x, "conv32_down", 2, true, false);   // 7x7 stride 2 'valid': 150 -> 72
        x = Layers.maxPoolValid(x, 3, 2);                  // -> 35
        x = residual(x, "conv32_1");
        x = residual(x, "conv32_2");
        x = residual(x, "conv32_3");
        x = residualDown(x, "conv64_down");
        x = residual(x, "conv64_1");
        x = residual(x, "conv64_2");
        x = residual(x, "conv64_3");
        x = residualDown(x, "conv128_down");
        x = residual(x, "conv128_1");
        x = residual(x, "conv128_2");
        x = residualDown(x, "conv256_down");
        x = residual(x, "conv256_1");
        x = residual(x, "conv256_2");
        x = residualDown(x, "conv256_down_out");
        return Layers.globalMean(x).matMul(fc);
    }

    public List<float[]> predict(List<Raster> crops) {
        try (NDManager m = weights.newSubManager()) {
            float[] all = descriptors(InputBatch.of(m, crops, INPUT_SIZE)).toFloatArray();
            List<float[]> out = new ArrayList<>(crops.size());
            for (int i = 0; i < crops.size(); i++) {
                out.add(Arrays.copyOfRange(all, i * DESCRIPTOR_SIZE, (i + 1) * DESCRIPTOR_SIZE));
            }
            return out;
        }
    }

    private NDArray convLayer(NDArray x, String p, int stride, boolean relu, boolean same) {
        ConvLayer l = layers.get(p);
        NDArray y = Layers.conv(x, l.filters(), l.bias(), stride, same, 1).mul(l.scale()).add(l.shift());
        return relu ? Layers.relu(y) : y;
    }

    private NDArray residual(NDArray x, String p) {
        NDArray out = convLayer(x, p + "/conv1", 1, true, true);
        out = convLayer(out, p + "/conv2", 1, false, true);
        return Layers.relu(out.add(x));
    }

    private NDArray residualDown(NDArray x, String p) {
        NDArray out = convLayer(x, p + "/conv1", 2, true, false);   // 3x3 stride 2 'valid'
        out = convLayer(out, p + "/conv2", 1, false, true);
        NDArray pooled = Layers.avgPoolValid(x, 2, 2);
        if (out.getShape().get(2) != pooled.getShape().get(2)) {
            out = out.pad(new Shape(0, 1, 0, 1), 0);                 // one zero column right, one zero row at the bottom
        }
        long channels = out.getShape().get(1);
        long pooledChannels = pooled.getShape().get(1);
        if (channels != pooledChannels) {
            pooled = pooled.pad(new Shape(0, 0, 0, 0, 0, channels - pooledChannels), 0);   // zero channels appended
        }
        return Layers.relu(pooled.add(out));
    }

    @Override
    public void close() {
        weights.close();
    }
}
