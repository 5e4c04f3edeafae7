package org.tandem.protocols.observer;

import java.util.Collection;
import java.util.Map;

/**
 * Networks' outputs kept by stimulus: what a network computed for an image once is read back by later sessions instead
 * of computed again. A network names itself by a versioned key (its spec, weights and preprocessing), an image by the
 * SHA-256 of its pixels, so a changed network or image is simply not found. The session store keeps one per database.
 */
public interface PredictionCache {
    /** Keeps nothing: every prediction is computed. */
    PredictionCache NONE = new PredictionCache() {
        @Override
        public Map<String, float[]> find(String networkKey, Collection<String> stimulusSha256s) {
            return Map.of();
        }

        @Override
        public void store(String networkKey, Map<String, float[]> vectors) {
        }
    };

    /** The vectors kept under the network's key for those of the stimuli that have one, by stimulus SHA-256. */
    Map<String, float[]> find(String networkKey, Collection<String> stimulusSha256s);

    /** Keeps the vectors (by stimulus SHA-256) under the network's key; a vector already kept stays as it is. */
    void store(String networkKey, Map<String, float[]> vectors);
}
