package org.tandem.engine.simulate;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tandem.protocols.observer.PredictionCache;

/**
 * Counts what a session's network read from the prediction cache and what it had to compute (every computed vector is
 * offered to the cache), so a session can say whether its network ran at all.
 */
final class PredictionTally implements PredictionCache {
    private final PredictionCache cache;
    private final AtomicLong found = new AtomicLong();
    private final AtomicLong computed = new AtomicLong();
    private final java.util.Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PredictionTally(PredictionCache cache) {
        this.cache = cache;
    }

    @Override
    public Map<String, float[]> find(String networkKey, Collection<String> stimulusSha256s) {
        Map<String, float[]> out = cache.find(networkKey, stimulusSha256s);
        // what this session computed and reads back (to answer as the database kept it) was not found kept
        found.addAndGet(out.keySet().stream().filter(h -> !stored.contains(networkKey + " " + h)).count());
        return out;
    }

    @Override
    public void store(String networkKey, Map<String, float[]> vectors) {
        computed.addAndGet(vectors.size());
        vectors.keySet().forEach(h -> stored.add(networkKey + " " + h));
        cache.store(networkKey, vectors);
    }

    /** Readings found in the cache (one per image and layer). */
    long found() {
        return found.get();
    }

    /** Readings the network computed. */
    long computed() {
        return computed.get();
    }
}
