package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.nn.GraphLayers;
import org.tandem.observer.nn.Layers;
import org.tandem.observer.nn.onnx.OnnxGraph;
import org.tandem.observer.nn.TfWeights;
import org.tandem.observer.weights.NamedWeights;

/**
 * face-api's FaceFeatureExtractor, the body shared by the expression and 68-landmark networks: four densely connected blocks
 * (112 to 7x7x256), then the global mean, giving a 256-value feature per face.
 */
final class FaceFeatureExtractor {
    static final String FEATURES = "features";
    private static final int BLOCKS = 4;
    /** Per block: conv0 (filters or depthwise, pointwise or null, bias), then conv1..3 (depthwise, pointwise, bias). */
    private final NDArray[][] blocks = new NDArray[BLOCKS][12];

    FaceFeatureExtractor(NDManager m, NamedWeights w) {
        for (int k = 0; k < BLOCKS; k++) {
            String p = "dense" + k + "/";
            NDArray[] a = blocks[k];
            if (k == 0) {
                a[0] = TfWeights.convFilter(m, w.tensor(p + "conv0/filters"));
            } else {
                a[0] = TfWeights.depthwiseFilter(m, w.tensor(p + "conv0/depthwise_filter"));
                a[1] = TfWeights.convFilter(m, w.tensor(p + "conv0/pointwise_filter"));
            }
            a[2] = TfWeights.vector(m, w.tensor(p + "conv0/bias"));
            for (int j = 1; j <= 3; j++) {
                a[3 * j] = TfWeights.depthwiseFilter(m, w.tensor(p + "conv" + j + "/depthwise_filter"));
                a[3 * j + 1] = TfWeights.convFilter(m, w.tensor(p + "conv" + j + "/pointwise_filter"));
                a[3 * j + 2] = TfWeights.vector(m, w.tensor(p + "conv" + j + "/bias"));
            }
        }
    }

    /**
     * The body as stages on the normalised NCHW batch: the dense blocks {@code dense0..dense3} ([C, H, W] each), then
     * {@code features}, the 256-value global mean.
     */
    List<StagedNet.Stage> stages() {
        List<StagedNet.Stage> stages = new ArrayList<>();
        for (int k = 0; k < BLOCKS; k++) {
            NDArray[] a = blocks[k];
            boolean first = k == 0;
            stages.add(new StagedNet.Stage("dense" + k, x -> denseBlock(x, a, first), (g, x) -> denseBlock(g, x, a, first)));
        }
        // face-api's avgPool 7x7 stride 2 'valid' on a 7x7 map is the global mean
        stages.add(new StagedNet.Stage(FEATURES, Layers::globalMean, OnnxGraph::globalMean));
        return stages;
    }

    private static NDArray denseBlock(NDArray x, NDArray[] a, boolean first) {
        NDArray out1 = Layers.relu(first
                ? Layers.conv(x, a[0], a[2], 2, true, 1)
                : Layers.separable(x, a[0], a[1], a[2], 2));
        NDArray out2 = Layers.separable(out1, a[3], a[4], a[5], 1);
        NDArray out3 = Layers.separable(Layers.relu(out1.add(out2)), a[6], a[7], a[8], 1);
        NDArray out4 = Layers.separable(Layers.relu(out1.add(out2.add(out3))), a[9], a[10], a[11], 1);
        // the sums nest the way tfjs evaluates them, so rounding matches
        return Layers.relu(out1.add(out2.add(out3.add(out4))));
    }

    /** The same block written into an ONNX graph. */
    private static String denseBlock(OnnxGraph g, String x, NDArray[] a, boolean first) {
        String out1 = g.relu(first
                ? GraphLayers.conv(g, x, a[0], a[2], 2, true, 1)
                : GraphLayers.separable(g, x, a[0], a[1], a[2], 2));
        String out2 = GraphLayers.separable(g, out1, a[3], a[4], a[5], 1);
        String out3 = GraphLayers.separable(g, g.relu(g.add(out1, out2)), a[6], a[7], a[8], 1);
        String out4 = GraphLayers.separable(g, g.relu(g.add(out1, g.add(out2, out3))), a[9], a[10], a[11], 1);
        return g.relu(g.add(out1, g.add(out2, g.add(out3, out4))));
    }
}
