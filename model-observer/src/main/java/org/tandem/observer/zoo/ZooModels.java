package org.tandem.observer.zoo;

import org.tandem.observer.features.FeatureNetwork;

/** Opens an architecture control from its spec, {@code zoo:ARCH[?seed=N][&size=S]} (see {@link ZooSpec}). */
public final class ZooModels {
    public static final String PREFIX = ZooSpec.PREFIX;

    private ZooModels() {
    }

    public static FeatureNetwork open(String spec) {
        return new ZooNetwork(ZooSpec.parse(spec));
    }
}
