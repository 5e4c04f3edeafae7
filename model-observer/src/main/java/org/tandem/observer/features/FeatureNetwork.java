package org.tandem.observer.features;

import java.util.List;
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

    @Override
    void close();
}
