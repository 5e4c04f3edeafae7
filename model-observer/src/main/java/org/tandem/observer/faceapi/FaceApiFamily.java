package org.tandem.observer.faceapi;

import java.util.Set;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.NetworkFamily;

/** The {@code faceapi:} specs: the four face-api networks and their untrained twins ({@link ModelSpec}). */
public final class FaceApiFamily implements NetworkFamily {
    @Override
    public String prefix() {
        return "faceapi";
    }

    @Override
    public Set<String> options() {
        return Set.of(ModelSpec.SEED_OPTION);
    }

    @Override
    public String canonical(String spec) {
        return ModelSpec.parse(spec).toString();
    }

    @Override
    public FeatureNetwork open(String spec) {
        return FaceApiFeatureNetwork.open(spec);
    }
}
