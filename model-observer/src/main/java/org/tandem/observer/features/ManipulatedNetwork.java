package org.tandem.observer.features;

import java.util.List;
import java.util.Map;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.protocols.observer.Raster;

/** A network under a manipulation, known by the manipulated spec; everything else is the network's own. */
final class ManipulatedNetwork implements FeatureNetwork {
    private final String id;
    private final FeatureNetwork network;
    private final String trainedFor;

    /** @param manipulation what was done, e.g. {@code weights shuffled}, added to what the network was trained for */
    ManipulatedNetwork(String id, FeatureNetwork network, String manipulation) {
        this.id = id;
        this.network = network;
        this.trainedFor = network.trainedFor().isEmpty() ? manipulation : network.trainedFor() + ", " + manipulation;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> layers() {
        return network.layers();
    }

    @Override
    public String defaultLayer() {
        return network.defaultLayer();
    }

    @Override
    public LayerActivations activations(List<Raster> crops, String layer) {
        return network.activations(crops, layer);
    }

    @Override
    public Map<String, LayerActivations> activations(List<Raster> crops, List<String> layers) {
        return network.activations(crops, layers);
    }

    @Override
    public List<String> blockLayers() {
        return network.blockLayers();
    }

    @Override
    public boolean channelsLast() {
        return network.channelsLast();
    }

    @Override
    public String trainedFor() {
        return trainedFor;
    }

    @Override
    public void lesion(UnitLesion lesion) {
        network.lesion(lesion);
    }

    @Override
    public void close() {
        network.close();
    }
}
