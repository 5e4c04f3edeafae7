package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.tandem.observer.explain.ExplainableNetwork;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.LayerActivations;
import org.tandem.observer.features.PredictionKeys;
import org.tandem.observer.manipulation.NetworkManipulation;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.observer.manipulation.WeightShuffle;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.nn.UnitLesionOp;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/** A face-api network, trained or its untrained twin, read layer by layer through the same forward pass as its predictions. */
public final class FaceApiFeatureNetwork implements FeatureNetwork, ExplainableNetwork {
    private final String id;
    private final boolean untrained;
    private final FaceApiNetwork network;
    private final NDManager base;
    private final StagedNet net;
    private List<String> mapLayers;

    private final String predictionKey;

    private FaceApiFeatureNetwork(String id, String predictionKey, boolean untrained, FaceApiNetwork network,
                                  NDManager base, StagedNet net) {
        this.id = id;
        this.predictionKey = predictionKey;
        this.untrained = untrained;
        this.network = network;
        this.base = base;
        this.net = net;
    }

    /** Opens {@code faceapi:<network>[:untrained?seed=N]}; trained weights come from the verified cache. */
    public static FaceApiFeatureNetwork open(String spec) {
        return open(ModelSpec.parse(spec), ModelStore.faceApi());
    }

    public static FaceApiFeatureNetwork open(ModelSpec spec, ModelStore store) {
        return open(spec, spec.weights(store), PredictionKeys.of(store.pkg().cacheName(), spec.toString()));
    }

    /** Opens the network with the weight groups the shuffle names permuted (trained weights only). */
    public static FaceApiFeatureNetwork openShuffled(String spec, NetworkManipulation.Shuffle shuffle) {
        ModelSpec parsed = ModelSpec.parse(spec);
        ModelStore store = ModelStore.faceApi();
        return open(parsed, WeightShuffle.apply(parsed.weights(store), shuffle),
                PredictionKeys.of(store.pkg().cacheName(), parsed + " with weights shuffled"));
    }

    private static FaceApiFeatureNetwork open(ModelSpec spec, NamedWeights w, String predictionKey) {
        NDManager base = DjlEngine.newBaseManager();
        try {
            StagedNet net = switch (spec.network()) {
                case EXPRESSION -> new FaceExpressionNet(base, w).staged();
                case RECOGNITION -> new FaceRecognitionNet(base, w).staged();
                case AGEGENDER -> new AgeGenderNet(base, w).staged();
                case LANDMARKS -> new FaceLandmark68Net(base, w).staged();
            };
            return new FaceApiFeatureNetwork(spec.toString(), predictionKey, spec.untrained(), spec.network(), base, net);
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<String> predictionKey() {
        return Optional.of(predictionKey);
    }

    @Override
    public List<String> layers() {
        return net.layers();
    }

    @Override
    public String defaultLayer() {
        return network.defaultLayer();
    }

    @Override
    public String trainedFor() {
        return untrained ? "untrained" : network.trainedFor();
    }

    @Override
    public LayerActivations activations(List<Raster> crops, String layer) {
        if (!net.layers().contains(layer)) {
            throw new TandemException("network " + id + " has no layer '" + layer + "'; its layers are "
                    + String.join(", ", net.layers()));
        }
        return net.run(crops, layer);
    }

    @Override
    public Map<String, LayerActivations> activations(List<Raster> crops, List<String> layers) {
        layers.forEach(layer -> {
            if (!net.layers().contains(layer)) {
                throw new TandemException("network " + id + " has no layer '" + layer + "'; its layers are "
                        + String.join(", ", net.layers()));
            }
        });
        return net.run(crops, new java.util.LinkedHashSet<>(layers));
    }

    @Override
    public synchronized List<String> mapLayers() {
        if (mapLayers == null) {
            // which stages keep a spatial layout, read off one blank crop's pass
            int side = net.inputSize();
            Map<String, LayerActivations> all = net.run(List.of(new Raster(side, side, new byte[side * side * 3])),
                    new java.util.LinkedHashSet<>(net.layers()));
            mapLayers = all.values().stream().filter(a -> a.itemShape().length == 3).map(LayerActivations::layer).toList();
        }
        return mapLayers;
    }

    @Override
    public Optional<ScoreHead> ownScores() {
        return network == FaceApiNetwork.EXPRESSION ? Optional.of(ScoreHead.outputs(net.output(),
                Arrays.stream(Expression.values()).map(Expression::label).toList())) : Optional.empty();
    }

    @Override
    public float[] inputPixels(Raster crop) {
        return FaceCropPreprocessor.toNetInput(crop, net.inputSize());
    }

    @Override
    public InputGeometry inputGeometry(int cropWidth, int cropHeight) {
        return InputGeometry.faceApi(cropWidth, cropHeight, net.inputSize());
    }

    @Override
    public LayerGradient gradient(List<Raster> crops, String layer, ScoreHead head, int[] targets) {
        if (!mapLayers().contains(layer)) {
            throw new TandemException("network " + id + " has no spatial layer '" + layer + "' to map; its layers with"
                    + " maps are " + String.join(", ", mapLayers()));
        }
        if (net.layers().indexOf(head.layer()) < net.layers().indexOf(layer)) {
            throw new TandemException("network " + id + ": the scores are read at " + head.layer() + ", before the"
                    + " mapped layer " + layer + "; map a layer at or before it");
        }
        return net.gradient(crops, layer, head, targets);
    }

    @Override
    public void lesion(UnitLesion lesion) {
        if (!net.layers().contains(lesion.layer())) {
            throw new TandemException("network " + id + " has no layer '" + lesion.layer() + "' to lesion; its layers"
                    + " are " + String.join(", ", net.layers()));
        }
        net.intervene(lesion.layer(), new UnitLesionOp(net.weights(), lesion));
    }

    @Override
    public void close() {
        net.close();
        base.close();
    }
}
