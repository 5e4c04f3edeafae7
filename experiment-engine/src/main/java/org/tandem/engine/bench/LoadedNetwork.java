package org.tandem.engine.bench;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.tandem.observer.human.HumanModel;
import org.tandem.observer.human.HumanNetwork;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.tandem.observer.faceapi.AgeGenderNet;
import org.tandem.observer.faceapi.FaceApiModel;
import org.tandem.observer.faceapi.FaceApiNetwork;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.FaceRecognitionNet;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.observer.Raster;

/**
 * One network built on its weights, run the way observers run it: crops in, predictions out (preprocessing and
 * post-processing included). The predictions themselves are not needed here, only the work of making them.
 */
record LoadedNetwork(Consumer<List<Raster>> predict, Runnable release, String engine, Long flopsPerFace)
        implements AutoCloseable {

    /** A human-models network run the way its observer runs it: emotion to its outputs, the others to their default layer. */
    static LoadedNetwork human(String name) {
        HumanNetwork net = HumanNetwork.open(name);
        List<String> read = net.model() == HumanModel.EMOTION ? net.outputs() : List.of(net.defaultLayer());
        return new LoadedNetwork(crops -> net.activations(crops, read), net::close, "PyTorch", null);
    }

    static LoadedNetwork open(FaceApiNetwork network, NDManager base, NamedWeights weights) {
        FaceApiModel net = switch (network) {
            case EXPRESSION -> new FaceExpressionNet(base, weights);
            case RECOGNITION -> new FaceRecognitionNet(base, weights);
            case AGEGENDER -> new AgeGenderNet(base, weights);
            case LANDMARKS -> new FaceLandmark68Net(base, weights);
        };
        OptionalLong flops = net.flopsPerFace();
        return new LoadedNetwork(net::predict, net::close, net.engine(), flops.isPresent() ? flops.getAsLong() : null);
    }

    void run(List<Raster> crops) {
        predict.accept(crops);
    }

    @Override
    public void close() {
        release.run();
    }
}
