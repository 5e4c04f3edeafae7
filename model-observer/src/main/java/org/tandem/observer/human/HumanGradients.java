package org.tandem.observer.human;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.explain.TargetScores;
import org.tandem.observer.tfgraph.CompiledGraph;

/**
 * A graph's gradient run: the layer's output is computed without a tape, copied into a leaf that requires a gradient,
 * and the graph run again from that leaf on ({@link CompiledGraph#runReplacing}) inside the tape up to the head's layer.
 * TF.js graphs are channels-last, so activations and gradients are transposed to [image][channel][row][column].
 */
final class HumanGradients {
    private HumanGradients() {
    }

    /**
     * @param input {@code count} prepared NHWC inputs, back to back
     * @param step  images per run (1 for graphs that take one image at a time)
     */
    static LayerGradient run(CompiledGraph graph, NDManager base, float[] input, int count, int step, String layer,
                             ScoreHead head, int[] targets) {
        int per = input.length / count;
        LayerGradient all = null;
        for (int first = 0; first < count; first += step) {
            LayerGradient part = runBatch(graph, base, Arrays.copyOfRange(input, first * per, (first + step) * per),
                    step, layer, head, Arrays.copyOfRange(targets, first, first + step));
            all = all == null ? part : append(all, part);
        }
        return all;
    }

    private static LayerGradient runBatch(CompiledGraph graph, NDManager base, float[] input, int n, String layer,
                                          ScoreHead head, int[] targets) {
        try (NDManager m = base.newSubManager()) {
            long[] inputShape = graph.model().inputShape().clone();
            inputShape[0] = n;
            NDArray x = m.create(input, new Shape(inputShape));
            NDArray leaf = graph.run(x, List.of(layer)).get(layer).duplicate();
            leaf.setRequiresGradient(true);
            long[] s = leaf.getShape().getShape();
            TargetScores picked;
            float[] gradients;
            try (GradientCollector tape = leaf.getManager().getEngine().newGradientCollector()) {
                NDArray scores = head.layer().equals(layer) ? leaf
                        : graph.runReplacing(x, List.of(head.layer()), layer, leaf).get(head.layer());
                picked = TargetScores.backward(tape, scores, head, targets, m);
                gradients = channelsFirst(leaf.getGradient());
            }
            return new LayerGradient(layer, n, (int) s[3], (int) s[1], (int) s[2], channelsFirst(leaf),
                    gradients, picked.scores(), picked.targets());
        }
    }

    /** [N, H, W, C] to [N, C, H, W] values (toFloatArray reads a transposed view in its logical order). */
    private static float[] channelsFirst(NDArray nhwc) {
        return TargetScores.floats(nhwc.transpose(0, 3, 1, 2));
    }

    private static LayerGradient append(LayerGradient a, LayerGradient b) {
        double[][] scores = Arrays.copyOf(a.scores(), a.images() + b.images());
        System.arraycopy(b.scores(), 0, scores, a.images(), b.images());
        int[] targets = Arrays.copyOf(a.targets(), a.images() + b.images());
        System.arraycopy(b.targets(), 0, targets, a.images(), b.images());
        return new LayerGradient(a.layer(), a.images() + b.images(), a.channels(), a.height(), a.width(),
                concat(a.activations(), b.activations()), concat(a.gradients(), b.gradients()), scores, targets);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
