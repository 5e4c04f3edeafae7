package org.tandem.observer.features;

import java.util.List;
import java.util.Optional;
import org.tandem.observer.explain.ExplainableNetwork;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * A network under a manipulation, known by the manipulated spec; everything else is the network's own. Its maps are
 * the network's own maps (a lesion acts inside the forward pass, so a lesioned network's gradients see it), where the
 * network can be mapped at all.
 */
final class ManipulatedNetwork extends ForwardingNetwork implements ExplainableNetwork {
    private final String id;
    private final String trainedFor;

    /** @param manipulation what was done, e.g. {@code weights shuffled}, added to what the network was trained for */
    ManipulatedNetwork(String id, FeatureNetwork network, String manipulation) {
        super(network);
        this.id = id;
        this.trainedFor = network.trainedFor().isEmpty() ? manipulation : network.trainedFor() + ", " + manipulation;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String trainedFor() {
        return trainedFor;
    }

    /** The network's key, as manipulated: the manipulated spec names the manipulation and its seed. */
    @Override
    public Optional<String> predictionKey() {
        return network.predictionKey().map(key -> key + " as " + id);
    }

    private ExplainableNetwork mapped() {
        if (network instanceof ExplainableNetwork explainable) {
            return explainable;
        }
        throw new TandemException("network " + id + " cannot be mapped: class-activation maps need the gradient at an"
                + " inner layer, which Tandem computes for the faceapi, human and zoo networks and their untrained"
                + " twins");
    }

    @Override
    public List<String> mapLayers() {
        return mapped().mapLayers();
    }

    @Override
    public String defaultMapLayer() {
        return mapped().defaultMapLayer();
    }

    @Override
    public Optional<ScoreHead> ownScores() {
        return mapped().ownScores();
    }

    @Override
    public float[] inputPixels(Raster crop) {
        return mapped().inputPixels(crop);
    }

    @Override
    public InputGeometry inputGeometry(int cropWidth, int cropHeight) {
        return mapped().inputGeometry(cropWidth, cropHeight);
    }

    @Override
    public LayerGradient gradient(List<Raster> crops, String layer, ScoreHead head, int[] targets) {
        return mapped().gradient(crops, layer, head, targets);
    }
}
