package org.tandem.observer.features;

import java.util.List;
import java.util.stream.Collectors;
import org.tandem.observer.faceapi.FaceApiFamily;
import org.tandem.protocols.TandemException;

/** Opens any network whose layers can be read, by its spec; the spec's prefix chooses the {@link NetworkFamily}. */
public final class FeatureNetworks {
    private static final List<NetworkFamily> FAMILIES = List.of(new FaceApiFamily());

    private FeatureNetworks() {
    }

    /** Loads the network, e.g. {@code faceapi:recognition} or {@code faceapi:expression:untrained?seed=3}. */
    public static FeatureNetwork open(String spec) {
        return family(spec).open(spec);
    }

    /** The family a spec belongs to, by its prefix. */
    public static NetworkFamily family(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String prefix = colon < 0 ? s : s.substring(0, colon);
        return FAMILIES.stream().filter(f -> f.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> new TandemException("network spec '" + spec + "' has no known prefix; it must start with "
                        + FAMILIES.stream().map(f -> f.prefix() + ":").collect(Collectors.joining(" or "))));
    }
}
