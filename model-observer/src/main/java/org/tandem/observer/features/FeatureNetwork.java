package org.tandem.observer.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.manipulation.UnitLesion;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;

/**
 * A network whose intermediate layers can be read: the face-api networks, their untrained twins, user models and
 * architecture controls all offer their layers under stable names. Each raster is the network's input crop; the network
 * applies its own preprocessing (resize, normalisation) first.
 */
public interface FeatureNetwork extends AutoCloseable {

    /** The spec the network was opened from, e.g. {@code faceapi:recognition}. */
    String id();

    /** The layers offered as features, in forward order. */
    List<String> layers();

    /** The layer used when none is named: the network's penultimate representation (e.g. a descriptor or pooled feature). */
    String defaultLayer();

    /**
     * Runs the crops as one batch and returns the named layer's activations.
     *
     * @throws org.tandem.protocols.TandemException if the network offers no such layer (the message lists those it offers)
     */
    LayerActivations activations(List<Raster> crops, String layer);

    /** Several layers of one batch; networks that can read them in one forward pass do. */
    default Map<String, LayerActivations> activations(List<Raster> crops, List<String> layers) {
        Map<String, LayerActivations> out = new LinkedHashMap<>();
        for (String layer : layers) {
            out.put(layer, activations(crops, layer));
        }
        return out;
    }

    /**
     * The layers a layer-by-layer comparison reads when none are named: each block's output, in forward order. By
     * default every layer the network offers (the face-api networks and zoo architectures name only their blocks).
     */
    default List<String> blockLayers() {
        return layers();
    }

    /** Whether its convolutional maps are laid out {@code [H, W, C]} (TF.js graphs) rather than {@code [C, H, W]}. */
    default boolean channelsLast() {
        return false;
    }

    /** What the network was trained for, e.g. {@code expression}, {@code identity} or {@code untrained}; "" if unknown. */
    default String trainedFor() {
        return "";
    }

    /**
     * Silences units of one layer from now on: every later read of this network, its outputs included, sees the
     * lesioned layer. Networks that cannot be lesioned say so.
     *
     * @throws org.tandem.protocols.TandemException if this network cannot be lesioned or has no such layer
     */
    default void lesion(UnitLesion lesion) {
        throw new TandemException("network " + id() + " cannot be lesioned yet; lesions work on the faceapi and human"
                + " networks and their untrained twins");
    }

    /**
     * The versioned key under which this network's readings may be kept and read back ({@link PredictionKeys}); empty
     * for a network that cannot vouch that the same key always gives the same numbers (e.g. a user's model file, which
     * may be replaced under the same name).
     */
    default java.util.Optional<String> predictionKey() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
