package org.tandem.observer.features;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tandem.observer.faceapi.FaceApiFeatureNetwork;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.human.HumanNetwork;
import org.tandem.observer.human.HumanSpec;
import org.tandem.observer.usermodel.UserModels;
import org.tandem.observer.zoo.ZooModels;
import org.tandem.observer.zoo.ZooSpec;
import org.tandem.protocols.TandemException;

/** Opens any network whose layers can be read, by its spec; the spec's prefix chooses the {@link NetworkFamily}. */
public final class FeatureNetworks {
    private static final List<NetworkFamily> FAMILIES = List.of(
            new NetworkFamily("faceapi", Set.of(ModelSpec.SEED_OPTION), spec -> ModelSpec.parse(spec).toString(),
                    FaceApiFeatureNetwork::open),
            // a card's path is checked when the card is opened
            new NetworkFamily("card", Set.of(), FeatureNetworks::cardSpec, UserModels::open),
            new NetworkFamily("zoo", Set.of("seed", "size"), spec -> ZooSpec.parse(spec).toString(), ZooModels::open),
            new NetworkFamily("human", Set.of(HumanSpec.SEED_OPTION), spec -> HumanSpec.parse(spec).toString(),
                    HumanNetwork::open));

    private FeatureNetworks() {
    }

    /**
     * Loads the network, e.g. {@code faceapi:recognition}, {@code faceapi:expression:untrained?seed=3},
     * {@code card:models/mynet.json}, {@code zoo:resnet18?seed=2} or {@code human:mobilefacenet}.
     */
    public static FeatureNetwork open(String spec) {
        return family(spec).open(spec.trim());
    }

    /** The family a spec belongs to, by its prefix. */
    public static NetworkFamily family(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String prefix = colon < 0 ? s : s.substring(0, colon);
        return FAMILIES.stream().filter(f -> f.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> new TandemException("network spec '" + spec + "' has no known prefix; it must start with "
                        + FAMILIES.stream().map(f -> f.prefix() + ":").collect(Collectors.joining(", "))));
    }

    private static String cardSpec(String spec) {
        if (spec.equals(UserModels.PREFIX)) {
            throw new TandemException("model spec '" + spec + "' names no card; write card:PATH/TO/card.json");
        }
        return spec;
    }
}
