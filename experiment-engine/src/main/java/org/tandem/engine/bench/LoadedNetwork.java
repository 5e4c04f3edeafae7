package org.tandem.engine.bench;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.tandem.observer.human.HumanModel;
import org.tandem.observer.human.HumanNetwork;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.tandem.observer.faceapi.AgeGenderNet;
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
record LoadedNetwork(Consumer<List<Raster>> predict, Runnable release) implements AutoCloseable {

    /** A human-models network run the way its observer runs it: emotion to its outputs, the others to their default layer. */
    static LoadedNetwork human(String name) {
        HumanNetwork net = HumanNetwork.open(name);
        List<String> read = net.model() == HumanModel.EMOTION ? net.outputs() : List.of(net.defaultLayer());
        return new LoadedNetwork(crops -> net.activations(crops, read), net::close);
    }

    static LoadedNetwork open(FaceApiNetwork network, NDManager base, NamedWeights weights) {
        return switch (network) {
            case EXPRESSION -> of(new FaceExpressionNet(base, weights), FaceExpressionNet::predict, FaceExpressionNet::close);
            case RECOGNITION -> of(new FaceRecognitionNet(base, weights), FaceRecognitionNet::predict,
                    FaceRecognitionNet::close);
            case AGEGENDER -> of(new AgeGenderNet(base, weights), AgeGenderNet::predict, AgeGenderNet::close);
            case LANDMARKS -> of(new FaceLandmark68Net(base, weights), FaceLandmark68Net::predict, FaceLandmark68Net::close);
        };
    }

    private static <N> LoadedNetwork of(N net, BiConsumer<N, List<Raster>> predict, Consumer<N> close) {
        return new LoadedNetwork(crops -> predict.accept(net, crops), () -> close.accept(net));
    }

    void run(List<Raster> crops) {
        predict.accept(crops);
    }

    @Override
    public void close() {
        release.run();
    }
}
