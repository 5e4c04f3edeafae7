package org.tandem.observer.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * A network seen through a chosen population of one layer's units (e.g. its expression-selective units): reading that
 * layer gives only those units, in ascending order, as a flat vector; every other layer reads as the network's. A
 * readout of the layer is then Zhou et al.'s decoder of the population, and answers trials like any observer.
 */
public final class UnitPopulation extends ForwardingNetwork {
    private final String id;
    private final String layer;
    private final int[] units;

    /**
     * @param id    the observer-facing id
     * @param units the units kept, ascending indices into the layer's flattened activations
     */
    public UnitPopulation(String id, FeatureNetwork network, String layer, int[] units) {
        super(network);
        this.id = id;
        this.layer = layer;
        this.units = units.clone();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String defaultLayer() {
        return layer;
    }

    @Override
    public LayerActivations activations(List<Raster> crops, String name) {
        LayerActivations all = network.activations(crops, name);
        return name.equals(layer) ? kept(all) : all;
    }

    @Override
    public Map<String, LayerActivations> activations(List<Raster> crops, List<String> layers) {
        Map<String, LayerActivations> out = new LinkedHashMap<>(network.activations(crops, layers));
        out.computeIfPresent(layer, (k, all) -> kept(all));
        return out;
    }

    @Override
    public void lesion(UnitLesion lesion) {
        throw new TandemException("network " + id + " reads a population of units; lesion the network itself");
    }

    private LayerActivations kept(LayerActivations all) {
        int size = all.itemSize();
        float[] data = new float[all.count() * units.length];
        for (int i = 0; i < all.count(); i++) {
            for (int k = 0; k < units.length; k++) {
                if (units[k] >= size) {
                    throw new TandemException("unit " + units[k] + " is not in layer " + layer + ", which has " + size
                            + " units; the units must come from this layer");
                }
                data[i * units.length + k] = all.data()[i * size + units[k]];
            }
        }
        return new LayerActivations(layer, all.count(), new long[] {units.length}, data);
    }
}
