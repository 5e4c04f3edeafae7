package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.tandem.protocols.observer.Raster;

/** Preprocesses crops into one NHWC batch [N, size, size, 3]. */
final class InputBatch {
    private InputBatch() {
    }

    static NDArray of(NDManager manager, List<Raster> crops, int size) {
        return manager.create(floats(crops, size), new Shape(crops.size(), size, size, 3));
    }

    /** The same batch as row-major floats. */
    static float[] floats(List<Raster> crops, int size) {
        if (crops.isEmpty()) {
            throw new IllegalArgumentException("no crops to run");
        }
        int per = size * size * 3;
        float[] all = new float[crops.size() * per];
        for (int i = 0; i < crops.size(); i++) {
            FaceCropPreprocessor.writeNetInput(crops.get(i), size, all, i * per);
        }
        return all;
    }
}
