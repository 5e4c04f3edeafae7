package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.tandem.protocols.observer.Raster;

/** Preprocesses crops into one NHWC batch [N, size, size, 3] owned by {@code manager}. */
final class InputBatch {
    private InputBatch() {
    }

    static NDArray of(NDManager manager, List<Raster> crops, int size) {
        if (crops.isEmpty()) {
            throw new IllegalArgumentException("no crops to run");
        }
        int per = size * size * 3;
        float[] all = new float[crops.size() * per];
        for (int i = 0; i < crops.size(); i++) {
            FaceCropPreprocessor.writeNetInput(crops.get(i), size, all, i * per);
        }
        return manager.create(all, new Shape(crops.size(), size, size, 3));
    }
}
