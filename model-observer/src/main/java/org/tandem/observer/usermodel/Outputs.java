package org.tandem.observer.usermodel;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.List;
import org.tandem.observer.features.LayerActivations;
import org.tandem.protocols.TandemException;

/** Turning a network's outputs into {@link LayerActivations}, and the error for a layer a network does not offer. */
public final class Outputs {
    private Outputs() {
    }

    /** A batch-first array as one layer's activations: item shape is everything after the batch axis. */
    public static LayerActivations activations(String layer, NDArray batch) {
        long[] shape = batch.getShape().getShape();
        return new LayerActivations(layer, (int) shape[0], Arrays.copyOfRange(shape, 1, shape.length),
                batch.toFloatArray());
    }

    public static TandemException unknownLayer(String network, String layer, List<String> layers) {
        return new TandemException("network " + network + " offers no layer '" + layer + "'; its layers are "
                + String.join(", ", layers));
    }
}
