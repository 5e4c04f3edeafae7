package org.tandem.observer.features;

/**
 * The versioned keys under which networks' predictions are kept ({@link org.tandem.protocols.observer.PredictionCache}):
 * the version of Tandem's network code, the weights' release and the network's spec. A key changes whenever the
 * numbers a network gives for the same pixels could change, so a kept prediction is never read by another network.
 */
public final class PredictionKeys {
    /**
     * Raised with every change to Tandem that alters any network's outputs for the same pixels (preprocessing, layers,
     * the inference engine or its version): predictions kept before are then not found, and are computed again.
     */
    public static final int VERSION = 1;

    private PredictionKeys() {
    }

    /**
     * @param weights   where the weights come from, e.g. the npm release {@code face-api-1.7.15} (a twin's seed is in
     *                  its spec)
     * @param networkId the network's canonical spec
     */
    public static String of(String weights, String networkId) {
        return "tandem-predictions/" + VERSION + " " + weights + " " + networkId;
    }
}
