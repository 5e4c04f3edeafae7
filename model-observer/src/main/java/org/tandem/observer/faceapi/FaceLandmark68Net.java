package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.observer.Raster;

/** face-api's FaceLandmark68Net: the expression network's body with a 136-output head (68 points, x and y). */
public final class FaceLandmark68Net implements FaceApiModel {
    public static final String MODEL = "face_landmark_68_model";
    public static final int INPUT_SIZE = LinearHeadNet.INPUT_SIZE;
    private static final int OUTPUTS = 136;

    private final StagedNet net;

    public FaceLandmark68Net(NDManager parent, NamedWeights w) {
        w.requireAll(FaceApiArchitectures.landmarks68());
        net = LinearHeadNet.build(parent, w, "outputs");
    }

    /** @param nhwc preprocessed batch [N, 112, 112, 3]; @return raw outputs [N, 136] */
    public NDArray raw(NDArray nhwc) {
        return net.forward(nhwc, "outputs");
    }

    @Override
    public List<Landmarks68> predict(List<Raster> crops) {
        float[] all = net.outputs(crops);
        List<Landmarks68> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            Raster crop = crops.get(i);
            out.add(Landmarks68.fromRaw(Arrays.copyOfRange(all, i * OUTPUTS, (i + 1) * OUTPUTS),
                    crop.width(), crop.height(), INPUT_SIZE));
        }
        return out;
    }

    /** The layers offered as features: {@code dense0..dense3}, {@code features}, {@code outputs}. */
    StagedNet staged() {
        return net;
    }

    @Override
    public OptionalLong flopsPerFace() {
        return net.flopsPerFace();
    }

    @Override
    public String engine() {
        return net.engine();
    }

    @Override
    public void close() {
        net.close();
    }
}
