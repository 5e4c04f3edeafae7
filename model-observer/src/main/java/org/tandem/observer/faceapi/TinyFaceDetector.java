package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tandem.observer.nn.Layers;
import org.tandem.observer.nn.TfWeights;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * face-api's TinyFaceDetector (a Tiny YOLO v2 with separable convolutions): the image is padded to a square at its right
 * or bottom, resized to the input size, normalised by its own mean colour, run through a 3x3 convolution and five separable
 * convolutions with leaky ReLUs and max pooling to a 13x13 grid (at input 416) of five anchor boxes each, decoded and
 * thinned by non-maximum suppression (IoU 0.4), exactly as face-api does, so the boxes match face-api's own.
 */
public final class TinyFaceDetector implements AutoCloseable {
    public static final String MODEL = "tiny_face_detector_model";
    /** face-api's defaults: {@code TinyFaceDetectorOptions} input size 416, score threshold 0.5. */
    public static final int DEFAULT_INPUT_SIZE = 416;
    public static final double DEFAULT_MIN_SCORE = 0.5;
    static final int[] CHANNELS = {16, 32, 64, 128, 256, 512};
    private static final double[][] ANCHORS = {
            {1.603231, 2.094468}, {6.041143, 7.080126}, {2.882459, 3.518061}, {4.266906, 5.178857}, {9.041765, 10.66308}};
    static final int OUTPUT_CHANNELS = ANCHORS.length * 5;
    private static final float[] MEAN_RGB = {117.001f, 114.697f, 97.404f};
    private static final double IOU_THRESHOLD = 0.4;
    private static final float LEAK = 0.10000000149011612f;

    private final NDManager weights;
    private final NDArray mean;
    private final NDArray conv0;
    private final NDArray bias0;
    /** Per separable layer 1..5: depthwise, pointwise, bias. */
    private final NDArray[][] separable = new NDArray[CHANNELS.length - 1][];
    private final NDArray head;
    private final NDArray headBias;

    public TinyFaceDetector(NDManager parent, NamedWeights w) {
        w.requireAll(FaceApiArchitectures.tinyFaceDetector());
        weights = parent.newSubManager();
        mean = weights.create(MEAN_RGB, new Shape(1, 1, 1, 3));
        conv0 = TfWeights.convFilter(weights, w.tensor("conv0/filters"));
        bias0 = TfWeights.vector(weights, w.tensor("conv0/bias"));
        for (int k = 1; k < CHANNELS.length; k++) {
            String p = "conv" + k + "/";
            separable[k - 1] = new NDArray[] {TfWeights.depthwiseFilter(weights, w.tensor(p + "depthwise_filter")),
                    TfWeights.convFilter(weights, w.tensor(p + "pointwise_filter")),
                    TfWeights.vector(weights, w.tensor(p + "bias"))};
        }
        head = TfWeights.convFilter(weights, w.tensor("conv8/filters"));
        headBias = TfWeights.vector(weights, w.tensor("conv8/bias"));
    }

    /**
     * The faces in {@code image} scoring above {@code minScore}, best first.
     *
     * @param inputSize the side the image is resized to, a multiple of 32 (416 by default; larger finds smaller faces)
     */
    public List<DetectedFace> detect(Raster image, int inputSize, double minScore) {
        if (inputSize < 32 || inputSize > 2048 || inputSize % 32 != 0) {
            throw new TandemException("the detector's input size must be a multiple of 32 from 32 to 2048, got " + inputSize);
        }
        if (!(minScore > 0 && minScore < 1)) {
            throw new TandemException("the detector's minimum score must be between 0 and 1, got " + minScore);
        }
        float[] grid;
        int cells;
        try (NDManager m = weights.newSubManager()) {
            NDArray out = raw(m, image, inputSize);
            cells = (int) out.getShape().get(1);
            grid = out.toFloatArray();
        }
        return suppress(decode(grid, cells, image, inputSize, minScore));
    }

    /** The network's output for one image: [1, cells, cells, 25] (NHWC, face-api's layout), owned by {@code m}. */
    public NDArray raw(NDManager m, Raster image, int inputSize) {
        float[] input = new float[inputSize * inputSize * 3];
        FaceCropPreprocessor.writeNetInput(image, inputSize, input, 0, false);
        NDArray x = m.create(input, new Shape(1, inputSize, inputSize, 3)).sub(mean).div(255f).transpose(0, 3, 1, 2);
        x = leaky(Layers.conv(x, conv0, bias0, 1, false, 1));
        for (int k = 0; k < separable.length; k++) {
            x = Layers.maxPoolSame(x, 2, 2);
            NDArray[] s = separable[k];
            x = leaky(Layers.separable(x, s[0], s[1], s[2], 1));
        }
        x = Layers.maxPoolSame(x, 2, 1);
        x = Layers.conv(x, head, headBias, 1, false, 1);
        return x.transpose(0, 2, 3, 1);
    }

    /** face-api's leaky ReLU, in its own arithmetic: relu(x - 0.1 x) + 0.1 x. */
    private static NDArray leaky(NDArray x) {
        NDArray min = x.mul(LEAK);
        return Layers.relu(x.sub(min)).add(min);
    }

    /** YOLO decoding of the grid into boxes relative to the padded square, scaled back to the image's pixels. */
    private static List<DetectedFace> decode(float[] grid, int cells, Raster image, int inputSize, double minScore) {
        // face-api's correction for the padding: the resized image's own size inside the input square
        double scale = (double) inputSize / Math.max(image.width(), image.height());
        double resizedWidth = Math.round(image.width() * scale);
        double resizedHeight = Math.round(image.height() * scale);
        double side = Math.max(resizedWidth, resizedHeight);
        double correctX = side / resizedWidth;
        double correctY = side / resizedHeight;
        List<DetectedFace> faces = new ArrayList<>();
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                for (int anchor = 0; anchor < ANCHORS.length; anchor++) {
                    int at = ((row * cells + col) * ANCHORS.length + anchor) * 5;
                    double score = sigmoid(grid[at + 4]);
                    if (score <= minScore) {
                        continue;
                    }
                    double centreX = (col + sigmoid(grid[at])) / cells * correctX;
                    double centreY = (row + sigmoid(grid[at + 1])) / cells * correctY;
                    double width = Math.exp(grid[at + 2]) * ANCHORS[anchor][0] / cells * correctX;
                    double height = Math.exp(grid[at + 3]) * ANCHORS[anchor][1] / cells * correctY;
                    faces.add(new DetectedFace(score, (centreX - width / 2) * image.width(),
                            (centreY - height / 2) * image.height(), width * image.width(), height * image.height()));
                }
            }
        }
        return faces;
    }

    /** face-api's non-maximum suppression: keep the best, drop every box overlapping it by more than the threshold. */
    private static List<DetectedFace> suppress(List<DetectedFace> faces) {
        List<DetectedFace> left = new ArrayList<>(faces);
        left.sort(Comparator.comparingDouble(DetectedFace::score).reversed());
        List<DetectedFace> kept = new ArrayList<>();
        while (!left.isEmpty()) {
            DetectedFace best = left.remove(0);
            kept.add(best);
            left.removeIf(other -> best.iou(other) > IOU_THRESHOLD);
        }
        return kept;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public void close() {
        weights.close();
    }
}
