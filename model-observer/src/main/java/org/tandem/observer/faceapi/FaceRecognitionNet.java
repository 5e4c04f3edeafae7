package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import org.tandem.observer.nn.GraphLayers;
import org.tandem.observer.nn.Layers;
import org.tandem.observer.nn.onnx.OnnxGraph;
import org.tandem.observer.nn.TfWeights;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.WeightShape;
import org.tandem.protocols.observer.Raster;

/**
 * face-api's FaceRecognitionNet (dlib's ResNet-29 style): a 150x150 crop to a 128-D descriptor, not L2-normalised
 * (face-api compares descriptors by Euclidean distance, 0.6 being its match threshold).
 */
public final class FaceRecognitionNet implements FaceApiModel {
    public static final String MODEL = "face_recognition_model";
    public static final int INPUT_SIZE = 150;
    public static final int DESCRIPTOR_SIZE = 128;
    static final String DESCRIPTOR = "descriptor";

    /** One conv layer: OIHW filters, bias, and the per-channel affine (folded batch norm) that follows. */
    private record ConvLayer(NDArray filters, NDArray bias, NDArray scale, NDArray shift) {
    }

    private final Map<String, ConvLayer> layers = new HashMap<>();
    private final StagedNet net;

    public FaceRecognitionNet(NDManager parent, NamedWeights w) {
        List<WeightShape> architecture = FaceApiArchitectures.recognition();
        w.requireAll(architecture);
        NDManager weights = parent.newSubManager();
        List<String> residualBlocks = new ArrayList<>();   // in forward order, as the architecture lists them
        for (WeightShape s : architecture) {
            if (s.name().endsWith("/conv/filters")) {
                String p = s.name().substring(0, s.name().length() - "/conv/filters".length());
                layers.put(p, new ConvLayer(
                        TfWeights.convFilter(weights, w.tensor(p + "/conv/filters")),
                        TfWeights.vector(weights, w.tensor(p + "/conv/bias")),
                        TfWeights.perChannel(weights, w.tensor(p + "/scale/weights")),
                        TfWeights.perChannel(weights, w.tensor(p + "/scale/biases"))));
                if (p.endsWith("/conv1")) {
                    residualBlocks.add(p.substring(0, p.length() - "/conv1".length()));
                }
            }
        }
        NDArray fc = TfWeights.matrix(weights, w.tensor("fc"));
        List<StagedNet.Stage> stages = new ArrayList<>();
        // 7x7 stride 2 'valid': 150 -> 72, then max pool -> 35
        stages.add(new StagedNet.Stage("conv32_down", x -> convLayer(x, "conv32_down", 2, true, false),
                (g, x) -> convLayer(g, x, "conv32_down", 2, true, false)));
        stages.add(new StagedNet.Stage("pool", x -> Layers.maxPoolValid(x, 3, 2), (g, x) -> g.maxPool(x, 3, 2)));
        for (String block : residualBlocks) {
            stages.add(block.contains("_down")
                    ? new StagedNet.Stage(block, x -> residualDown(x, block), (g, x) -> residualDown(g, x, block))
                    : new StagedNet.Stage(block, x -> residual(x, block), (g, x) -> residual(g, x, block)));
        }
        stages.add(new StagedNet.Stage("pooled", Layers::globalMean, OnnxGraph::globalMean));
        stages.add(new StagedNet.Stage(DESCRIPTOR, x -> x.matMul(fc), (g, x) -> g.matMul(x, fc.toFloatArray(),
                (int) fc.getShape().get(0), (int) fc.getShape().get(1))));
        net = new StagedNet(weights, INPUT_SIZE, stages);
    }

    /** @param nhwc preprocessed batch [N, 150, 150, 3]; @return descriptors [N, 128] */
    public NDArray descriptors(NDArray nhwc) {
        return net.forward(nhwc, DESCRIPTOR);
    }

    @Override
    public List<float[]> predict(List<Raster> crops) {
        float[] all = net.outputs(crops);
        List<float[]> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            out.add(Arrays.copyOfRange(all, i * DESCRIPTOR_SIZE, (i + 1) * DESCRIPTOR_SIZE));
        }
        return out;
    }

    /**
     * The layers offered as features: {@code conv32_down}, {@code pool}, each residual block by its weight prefix
     * ({@code conv32_1} .. {@code conv256_down_out}), {@code pooled} (256) and {@code descriptor} (128).
     */
    StagedNet staged() {
        return net;
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

    /** The same layers written into an ONNX graph; the runtime folds the scale and shift into the convolution. */
    private String convLayer(OnnxGraph g, String x, String p, int stride, boolean relu, boolean same) {
        ConvLayer l = layers.get(p);
        String y = GraphLayers.conv(g, x, l.filters(), l.bias(), stride, same, 1);
        y = g.add(g.mul(y, l.scale().toFloatArray(), GraphLayers.perChannel(l.scale())), l.shift().toFloatArray(),
                GraphLayers.perChannel(l.shift()));
        return relu ? g.relu(y) : y;
    }

    private String residual(OnnxGraph g, String x, String p) {
        String out = convLayer(g, x, p + "/conv1", 1, true, true);
        out = convLayer(g, out, p + "/conv2", 1, false, true);
        return g.relu(g.add(out, x));
    }

    private String residualDown(OnnxGraph g, String x, String p) {
        String out = convLayer(g, x, p + "/conv1", 2, true, false);
        out = convLayer(g, out, p + "/conv2", 1, false, true);
        String pooled = g.avgPool(x, 2, 2);
        long[] outShape = g.shape(out);
        long[] pooledShape = g.shape(pooled);
        if (outShape[1] != pooledShape[1]) {
            out = g.padAfter(out, 0, 1, 1);
        }
        if (outShape[0] != pooledShape[0]) {
            pooled = g.padAfter(pooled, outShape[0] - pooledShape[0], 0, 0);
        }
        return g.relu(g.add(pooled, out));
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
