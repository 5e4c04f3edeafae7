package org.tandem.observer.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.observer.nn.onnx.GraphOp;
import org.tandem.observer.nn.onnx.OnnxGraph;
import org.tandem.protocols.TandemException;

/**
 * A lesion applied to a layer's output in the forward pass: {@code x · mask + fill}, the mask 0 at silenced units and 1
 * elsewhere, broadcast over the batch. The two arrays are made on the first batch, when the layer's shape is known, in
 * the manager that owns the network's weights. In an ONNX graph the two are constants after the layer.
 */
public final class UnitLesionOp implements UnaryOperator<NDArray>, GraphOp {
    private final NDManager weights;
    private final UnitLesion lesion;
    private volatile NDArray mask;
    private volatile NDArray fill;

    public UnitLesionOp(NDManager weights, UnitLesion lesion) {
        this.weights = weights;
        this.lesion = lesion;
    }

    @Override
    public NDArray apply(NDArray x) {
        ensureArrays(x);
        return x.mul(mask).add(fill);
    }

    /** The same {@code x · mask + fill} written into an ONNX graph, so a lesioned network runs on the faster engine too. */
    @Override
    public String emit(OnnxGraph g, String x) {
        long[] item = g.shape(x);
        float[][] maskAndFill = maskAndFill((int) Arrays.stream(item).reduce(1, Math::multiplyExact));
        return g.add(g.mul(x, maskAndFill[0], item), maskAndFill[1], item);
    }

    private float[][] maskAndFill(int size) {
        try {
            return lesion.maskAndFill(size);
        } catch (IllegalArgumentException e) {
            throw new TandemException("lesion: " + e.getMessage() + "; the units must come from this layer");
        }
    }

    /** Makes the mask and fill once, for the layer's shape; kept out of any run's scope, as they live with the network. */
    private synchronized void ensureArrays(NDArray x) {
        if (mask == null) {
            long[] shape = x.getShape().getShape();
            long[] item = Arrays.copyOfRange(shape, 1, shape.length);
            int size = (int) Arrays.stream(item).reduce(1, Math::multiplyExact);
            float[][] maskAndFill = maskAndFill(size);
            long[] batchOfOne = new long[shape.length];
            batchOfOne[0] = 1;
            System.arraycopy(item, 0, batchOfOne, 1, item.length);
            NDArray m = weights.create(maskAndFill[0], new Shape(batchOfOne));
            NDArray f = weights.create(maskAndFill[1], new Shape(batchOfOne));
            NDScope.unregister(m, f);
            fill = f;
            mask = m;
        }
    }
}
