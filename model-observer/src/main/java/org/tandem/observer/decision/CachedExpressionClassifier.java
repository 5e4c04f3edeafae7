package org.tandem.observer.decision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.tandem.observer.faceapi.ExpressionClassifier;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.protocols.observer.PredictionCache;
import org.tandem.protocols.observer.Raster;

/**
 * An expression classifier whose predictions are kept in a {@link PredictionCache} under the network's key and each
 * crop's SHA-256: logits then probabilities, exactly as the network gave them, so a kept prediction answers as the
 * network did. Only crops not found are run, as one batch.
 */
final class CachedExpressionClassifier implements ExpressionClassifier {
    private final ExpressionClassifier network;
    private final String key;
    private final PredictionCache cache;

    CachedExpressionClassifier(ExpressionClassifier network, String key, PredictionCache cache) {
        this.network = network;
        this.key = key;
        this.cache = cache;
    }

    @Override
    public List<ExpressionPrediction> predict(List<Raster> crops) {
        List<String> hashes = crops.stream().map(Raster::contentHash).toList();
        Map<String, float[]> kept = new LinkedHashMap<>(cache.find(key, new LinkedHashSet<>(hashes)));
        List<Raster> todo = new ArrayList<>();
        List<String> todoHashes = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            if (!kept.containsKey(hashes.get(i)) && !todoHashes.contains(hashes.get(i))) {
                todo.add(crops.get(i));
                todoHashes.add(hashes.get(i));
            }
        }
        if (!todo.isEmpty()) {
            List<ExpressionPrediction> computed = network.predict(todo);
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < todo.size(); i++) {
                fresh.put(todoHashes.get(i), pack(computed.get(i)));
            }
            cache.store(key, fresh);
            // another session may have kept its own computation first: every session of a database answers from one
            kept.putAll(fresh);
            kept.putAll(cache.find(key, fresh.keySet()));
        }
        List<ExpressionPrediction> out = new ArrayList<>(crops.size());
        for (String hash : hashes) {
            out.add(unpack(kept.get(hash)));
        }
        return out;
    }

    private static float[] pack(ExpressionPrediction prediction) {
        float[] logits = prediction.logits();
        float[] probabilities = prediction.probabilities();
        float[] packed = Arrays.copyOf(logits, logits.length + probabilities.length);
        System.arraycopy(probabilities, 0, packed, logits.length, probabilities.length);
        return packed;
    }

    private static ExpressionPrediction unpack(float[] packed) {
        int half = packed.length / 2;
        return new ExpressionPrediction(Arrays.copyOf(packed, half), Arrays.copyOfRange(packed, half, packed.length));
    }

    /** The network is its owner's to close. */
    @Override
    public void close() {
    }
}
