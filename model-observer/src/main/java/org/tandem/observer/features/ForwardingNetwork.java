package org.tandem.observer.features;

import java.util.List;
import java.util.Map;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.protocols.observer.Raster;

/** A network that passes every call to another; subclasses change what they are about (their id, a layer's reading). */
abstract class ForwardingNetwork implements FeatureNetwork {
    protected final FeatureNetwork network;

    ForwardingNetwork(FeatureNetwork network) {
        this.network = network;
    }

    @Override
    public String id() {
        return network.id();
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
        return network.trainedFor();
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
