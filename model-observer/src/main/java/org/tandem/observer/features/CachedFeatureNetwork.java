package org.tandem.observer.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.protocols.observer.PredictionCache;
import org.tandem.protocols.observer.Raster;

/**
 * A network whose layer readings are kept in a {@link PredictionCache}: each crop's reading of a layer is looked up by
 * the network's key, the layer and the crop's SHA-256, and only the crops not found are run (as one batch) and kept.
 * Readouts' training images, ABX features and block predictions all go through here, so a later session with the same
 * network and images runs no network at all. A lesion made later changes the network under its key, so from then on
 * nothing is read or kept.
 */
public final class CachedFeatureNetwork extends ForwardingNetwork {
    private final String key;
    private final PredictionCache cache;
    private boolean changed;

    private CachedFeatureNetwork(FeatureNetwork network, String key, PredictionCache cache) {
        super(network);
        this.key = key;
        this.cache = cache;
    }

    /** The network with its readings kept in {@code cache}, or the network itself when it has no key. */
    public static FeatureNetwork of(FeatureNetwork network, PredictionCache cache) {
        if (cache == PredictionCache.NONE) {
            return network;
        }
        return network.predictionKey().<FeatureNetwork>map(k -> new CachedFeatureNetwork(network, k, cache))
                .orElse(network);
    }

    @Override
    public LayerActivations activations(List<Raster> crops, String layer) {
        return activations(crops, List.of(layer)).get(layer);
    }

    @Override
    public Map<String, LayerActivations> activations(List<Raster> crops, List<String> layers) {
        if (changed) {
            return network.activations(crops, layers);
        }
        List<String> hashes = crops.stream().map(Raster::contentHash).toList();
        Set<String> distinct = new LinkedHashSet<>(hashes);
        Map<String, Map<String, float[]>> kept = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String layer : layers) {
            Map<String, float[]> found = new HashMap<>(cache.find(layerKey(layer), distinct));
            kept.put(layer, found);
            distinct.stream().filter(h -> !found.containsKey(h)).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            compute(crops, hashes, layers, missing, kept);
        }
        Map<String, LayerActivations> out = new LinkedHashMap<>();
        for (String layer : layers) {
            out.put(layer, CachedVectors.assemble(layer, hashes, kept.get(layer)));
        }
        return out;
    }

    /** Runs the crops not found (each once) and keeps their readings of every layer asked for. */
    private void compute(List<Raster> crops, List<String> hashes, List<String> layers, Set<String> missing,
                         Map<String, Map<String, float[]>> kept) {
        List<Raster> todo = new ArrayList<>();
        List<String> todoHashes = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            if (missing.contains(hashes.get(i)) && !todoHashes.contains(hashes.get(i))) {
                todo.add(crops.get(i));
                todoHashes.add(hashes.get(i));
            }
        }
        Map<String, LayerActivations> computed = network.activations(todo, layers);
        for (String layer : layers) {
            Map<String, float[]> fresh = CachedVectors.split(computed.get(layer), todoHashes);
            cache.store(layerKey(layer), fresh);
            // another session may have kept its own computation first: every session of a database reads one
            kept.get(layer).putAll(fresh);
            kept.get(layer).putAll(cache.find(layerKey(layer), fresh.keySet()));
        }
    }

    private String layerKey(String layer) {
        return key + " layer=" + layer;
    }

    @Override
    public java.util.Optional<String> predictionKey() {
        return changed ? java.util.Optional.empty() : java.util.Optional.of(key);
    }

    @Override
    public void lesion(UnitLesion lesion) {
        changed = true;
        network.lesion(lesion);
    }
}
