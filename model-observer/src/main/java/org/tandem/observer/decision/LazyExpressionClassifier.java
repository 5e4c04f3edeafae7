package org.tandem.observer.decision;

import java.util.List;
import java.util.function.Supplier;
import org.tandem.observer.faceapi.ExpressionClassifier;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.protocols.observer.Raster;

/**
 * A classifier loaded on its first prediction: behind a prediction cache that already holds every image a session
 * shows, the network is never loaded at all (loading takes longer than answering a whole session from the cache).
 * Closing frees the network if it was loaded.
 */
final class LazyExpressionClassifier implements ExpressionClassifier {
    private final Supplier<ExpressionClassifier> loader;
    private ExpressionClassifier loaded;

    /** @param loader loads the network; what it returns owns the network and frees it when closed */
    LazyExpressionClassifier(Supplier<ExpressionClassifier> loader) {
        this.loader = loader;
    }

    @Override
    public synchronized List<ExpressionPrediction> predict(List<Raster> crops) {
        if (loaded == null) {
            loaded = loader.get();
        }
        return loaded.predict(crops);
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
