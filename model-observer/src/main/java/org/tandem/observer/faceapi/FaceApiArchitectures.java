package org.tandem.observer.faceapi;

import java.util.ArrayList;
import java.util.List;
import org.tandem.observer.weights.WeightShape;

/**
 * Every weight (name and TF-layout shape) of the face-api networks, in manifest order. The loaders check the downloaded
 * manifests against these lists, and the untrained twins are generated from them, so both always have the same
 * architecture.
 */
public final class FaceApiArchitectures {
    private static final int[] FEATURE_CHANNELS = {32, 64, 128, 256};

    private FaceApiArchitectures() {
    }

    /** FaceFeatureExtractor (4 dense blocks) plus a fully connected head of {@code outputs}. */
    public static List<WeightShape> featureExtractorWithHead(int outputs) {
        List<WeightShape> w = new ArrayList<>();
        int in = 3;
        for (int k = 0; k < 4; k++) {
            int c = FEATURE_CHANNELS[k];
            String p = "dense" + k + "/";
            if (k == 0) {
                w.add(WeightShape.of(p + "conv0/filters", 3, 3, in, c));
                w.add(WeightShape.of(p + "conv0/bias", c));
            } else {
                separable(w, p + "conv0", in, c);
            }
            for (int j = 1; j <= 3; j++) {
                separable(w, p + "conv" + j, c, c);
            }
            in = c;
        }
        w.add(WeightShape.of("fc/weights", 256, outputs));
        w.add(WeightShape.of("fc/bias", outputs));
        return List.copyOf(w);
    }

    public static List<WeightShape> expression() {
        return featureExtractorWithHead(7);
    }

    public static List<WeightShape> landmarks68() {
        return featureExtractorWithHead(136);
    }

    /** The tiny face detector: a 3x3 convolution, five separable convolutions (16 to 512 channels), a 1x1 box head. */
    public static List<WeightShape> tinyFaceDetector() {
        List<WeightShape> w = new ArrayList<>();
        int[] channels = TinyFaceDetector.CHANNELS;
        plainConv(w, "conv0", 3, 3, channels[0]);
        for (int k = 1; k < channels.length; k++) {
            separable(w, "conv" + k, channels[k - 1], channels[k]);
        }
        plainConv(w, "conv8", 1, channels[channels.length - 1], TinyFaceDetector.OUTPUT_CHANNELS);
        return List.copyOf(w);
    }

    public static List<WeightShape> ageGender() {
        List<WeightShape> w = new ArrayList<>();
        w.add(WeightShape.of("entry_flow/conv_in/filters", 3, 3, 3, 32));
        w.add(WeightShape.of("entry_flow/conv_in/bias", 32));
        reductionBlock(w, "entry_flow/reduction_block_0", 32, 64);
        reductionBlock(w, "entry_flow/reduction_block_1", 64, 128);
        for (int b = 0; b < 2; b++) {
            for (int j = 0; j < 3; j++) {
                separable(w, "middle_flow/main_block_" + b + "/separable_conv" + j, 128, 128);
            }
        }
        reductionBlock(w, "exit_flow/reduction_block", 128, 256);
        separable(w, "exit_flow/separable_conv", 256, 512);
        w.add(WeightShape.of("fc/age/weights", 512, 1));
        w.add(WeightShape.of("fc/age/bias", 1));
        w.add(WeightShape.of("fc/gender/weights", 512, 2));
        w.add(WeightShape.of("fc/gender/bias", 2));
        return List.copyOf(w);
    }

    public static List<WeightShape> recognition() {
        List<WeightShape> w = new ArrayList<>();
        convLayer(w, "conv32_down", 7, 3, 32);
        for (int i = 1; i <= 3; i++) {
            residual(w, "conv32_" + i, 32, 32);
        }
        residual(w, "conv64_down", 32, 64);
        for (int i = 1; i <= 3; i++) {
            residual(w, "conv64_" + i, 64, 64);
        }
        residual(w, "conv128_down", 64, 128);
        for (int i = 1; i <= 2; i++) {
            residual(w, "conv128_" + i, 128, 128);
        }
        residual(w, "conv256_down", 128, 256);
        for (int i = 1; i <= 2; i++) {
            residual(w, "conv256_" + i, 256, 256);
        }
        residual(w, "conv256_down_out", 256, 256);
        w.add(WeightShape.of("fc", 256, 128));
        return List.copyOf(w);
    }

    private static void separable(List<WeightShape> w, String p, int in, int out) {
        w.add(WeightShape.of(p + "/depthwise_filter", 3, 3, in, 1));
        w.add(WeightShape.of(p + "/pointwise_filter", 1, 1, in, out));
        w.add(WeightShape.of(p + "/bias", out));
    }

    private static void plainConv(List<WeightShape> w, String p, int k, int in, int out) {
        w.add(WeightShape.of(p + "/filters", k, k, in, out));
        w.add(WeightShape.of(p + "/bias", out));
    }

    private static void reductionBlock(List<WeightShape> w, String p, int in, int out) {
        separable(w, p + "/separable_conv0", in, out);
        separable(w, p + "/separable_conv1", out, out);
        w.add(WeightShape.of(p + "/expansion_conv/filters", 1, 1, in, out));
        w.add(WeightShape.of(p + "/expansion_conv/bias", out));
    }

    private static void residual(List<WeightShape> w, String p, int in, int out) {
        convLayer(w, p + "/conv1", 3, in, out);
        convLayer(w, p + "/conv2", 3, out, out);
    }

    private static void convLayer(List<WeightShape> w, String p, int k, int in, int out) {
        w.add(WeightShape.of(p + "/conv/filters", k, k, in, out));
        w.add(WeightShape.of(p + "/conv/bias", out));
        w.add(WeightShape.of(p + "/scale/weights", out));
        w.add(WeightShape.of(p + "/scale/biases", out));
    }
}
