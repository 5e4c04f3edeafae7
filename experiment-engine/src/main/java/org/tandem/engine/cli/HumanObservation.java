package org.tandem.engine.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.faceapi.Expression;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.human.HumanEmotionNet;
import org.tandem.observer.human.HumanModel;
import org.tandem.observer.human.HumanNetwork;
import org.tandem.observer.human.HumanSpec;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * What {@code observe} prints for a human-models network ({@code human:}) without a layer: every output node's values
 * (the emotion network's also as probabilities by expression), from images prepared as the human library prepares faces,
 * or from a raw input tensor given as a float32 file.
 */
final class HumanObservation {
    private HumanObservation() {
    }

    static boolean handles(String spec) {
        return spec.startsWith(HumanSpec.PREFIX);
    }

    static List<Map<String, Object>> images(String spec, List<Raster> images) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (HumanNetwork network = HumanNetwork.open(spec)) {
            List<LayerActivations> outputs = network.outputs().stream().map(o -> network.activations(images, o)).toList();
            boolean emotion = network.model() == HumanModel.EMOTION;
            for (int i = 0; i < images.size(); i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                if (emotion) {
                    // the emotion graph's one output is its seven probabilities
                    ExpressionPrediction p = HumanEmotionNet.prediction(outputs.get(0).item(i));
                    r.put("top", p.top().label());
                    Map<String, Object> probabilities = new LinkedHashMap<>();
                    for (Expression e : Expression.values()) {
                        probabilities.put(e.label(), p.probabilities()[e.ordinal()]);
                    }
                    r.put("probabilities", probabilities);
                }
                r.putAll(outputs(outputs, i));
                out.add(r);
            }
        }
        return out;
    }

    /** The outputs for a raw input: a float32 little-endian NHWC file of the graph's input shape, batch 1. */
    static Map<String, Object> tensor(String spec, Path file) {
        try (HumanNetwork network = HumanNetwork.open(spec)) {
            long[] shape = network.inputShape().clone();
            shape[0] = 1;
            long expected = 4 * Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            byte[] bytes;
            try {
                if (Files.size(file) != expected) {
                    throw new TandemException(file + ": " + Files.size(file) + " bytes, but " + spec + " takes "
                            + Arrays.toString(shape) + " float32 values (" + expected + " bytes, little-endian, NHWC)");
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new TandemException(file + " cannot be read: " + e.getMessage(), e);
            }
            float[] input = new float[(int) (expected / 4)];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(input);
            List<LayerActivations> outputs = network.outputs().stream().map(o -> network.run(input, 1, o)).toList();
            return outputs(outputs, 0);
        }
    }

    private static Map<String, Object> outputs(List<LayerActivations> outputs, int item) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (LayerActivations a : outputs) {
            Map<String, Object> node = new LinkedHashMap<>();
            long[] shape = new long[a.itemShape().length + 1];
            shape[0] = 1;
            System.arraycopy(a.itemShape(), 0, shape, 1, a.itemShape().length);
            node.put("shape", shape);
            node.put("values", a.item(item));
            nodes.put(a.layer(), node);
        }
        return Map.of("outputs", nodes);
    }
}
