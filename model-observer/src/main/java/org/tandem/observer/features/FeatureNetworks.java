package org.tandem.observer.features;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tandem.observer.faceapi.FaceApiFeatureNetwork;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.human.HumanNetwork;
import org.tandem.observer.human.HumanSpec;
import org.tandem.observer.manipulation.ManipulatedSpec;
import org.tandem.observer.manipulation.NetworkManipulation;
import org.tandem.observer.manipulation.UnitSelector;
import org.tandem.observer.usermodel.UserModels;
import org.tandem.observer.zoo.ZooModels;
import org.tandem.observer.zoo.ZooSpec;
import org.tandem.protocols.TandemException;

/** Opens any network whose layers can be read, by its spec; the spec's prefix chooses the {@link NetworkFamily}. */
public final class FeatureNetworks {
    private static final List<NetworkFamily> FAMILIES = List.of(
            new NetworkFamily("faceapi", Set.of(ModelSpec.SEED_OPTION), spec -> ModelSpec.parse(spec).toString(),
                    FaceApiFeatureNetwork::open, FaceApiFeatureNetwork::openShuffled),
            // a card's path is checked when the card is opened
            new NetworkFamily("card", Set.of(), FeatureNetworks::cardSpec, UserModels::open, null),
            new NetworkFamily("zoo", Set.of("seed", "size"), spec -> ZooSpec.parse(spec).toString(), ZooModels::open,
                    null),
            new NetworkFamily("human", Set.of(HumanSpec.SEED_OPTION), spec -> HumanSpec.parse(spec).toString(),
                    HumanNetwork::open, null));

    private FeatureNetworks() {
    }

    /**
     * Loads the network, e.g. {@code faceapi:recognition}, {@code faceapi:expression:untrained?seed=3},
     * {@code card:models/mynet.json}, {@code zoo:resnet18?seed=2} or {@code human:mobilefacenet}.
     */
    public static FeatureNetwork open(String spec) {
        return open(spec, UnitSelector.LISTED_ONLY);
    }

    /**
     * Loads the network, manipulated as its spec says ({@code ?lesion=…&layer=L} or {@code ?shuffle=…}, see
     * {@link ManipulatedSpec}); the selector resolves which units a lesion silences, on the intact network.
     */
    public static FeatureNetwork open(String spec, UnitSelector selector) {
        ManipulatedSpec parsed = ManipulatedSpec.parse(spec);
        NetworkFamily family = family(parsed.network());
        if (parsed.manipulation() == null) {
            return family.open(parsed.network());
        }
        String id = parsed.canonical(family.canonical(parsed.network()));
        if (parsed.manipulation() instanceof NetworkManipulation.Shuffle shuffle) {
            return new ManipulatedNetwork(id, family.openShuffled(parsed.network(), shuffle), "weights shuffled");
        }
        NetworkManipulation.Lesion lesion = (NetworkManipulation.Lesion) parsed.manipulation();
        FeatureNetwork network = family.open(parsed.network());
        try {
            if (!network.layers().contains(lesion.layer())) {
                throw new TandemException("network " + network.id() + " has no layer '" + lesion.layer() + "' to"
                        + " lesion; its layers are " + String.join(", ", network.layers()));
            }
            network.lesion(selector.select(network, lesion));
            return new ManipulatedNetwork(id, network, "lesioned");
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** The canonical spelling of a network spec, its manipulation included; loads nothing. */
    public static String canonical(String spec) {
        ManipulatedSpec parsed = ManipulatedSpec.parse(spec);
        return parsed.canonical(family(parsed.network()).canonical(parsed.network()));
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
