package org.tandem.observer.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * The last step of a gradient run, the same for every network: the head's scores read off the layer's values on the
 * tape, and backward from the sum of each image's target score (one image's score does not depend on another's, so
 * the sum's gradient is each image's own).
 *
 * @param scores  every class score of each image
 * @param targets the class whose score was differentiated, per image
 */
public record TargetScores(double[][] scores, int[] targets) {

    /**
     * @param values  the head's layer, [images, ...], computed on the tape
     * @param targets per image, the class to explain, or -1 for the class with the highest score
     * @param m       where the head's arrays are made
     */
    public static TargetScores backward(GradientCollector tape, NDArray values, ScoreHead head, int[] targets,
                                        NDManager m) {
        int n = (int) values.getShape().get(0);
        NDArray flat = values.reshape(n, -1);
        NDArray all = head.weights() == null ? flat
                : flat.matMul(m.create(head.weights()).transpose()).add(m.create(toFloat(head.bias())));
        int classes = head.classes().size();
        if (all.getShape().get(1) != classes) {
            throw new IllegalArgumentException("the head names " + classes + " classes but layer " + head.layer()
                    + " gives " + all.getShape().get(1) + " scores");
        }
        float[] values32 = floats(all);
        double[][] scores = new double[n][];
        int[] chosen = new int[n];
        float[] select = new float[n * classes];
        for (int i = 0; i < n; i++) {
            scores[i] = new double[classes];
            for (int k = 0; k < classes; k++) {
                scores[i][k] = values32[i * classes + k];
            }
            chosen[i] = targets[i] >= 0 ? targets[i] : argmax(scores[i]);
            select[i * classes + chosen[i]] = 1f;
        }
        tape.backward(all.mul(m.create(select, new Shape(n, classes))).sum());
        return new TargetScores(scores, chosen);
    }

    /** The values as float32, whatever the array's type (a float64 network's are rounded). */
    public static float[] floats(NDArray a) {
        return a.getDataType() == DataType.FLOAT32 ? a.toFloatArray() : a.toType(DataType.FLOAT32, false).toFloatArray();
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
