package org.tandem.observer.features;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tandem.observer.manipulation.NetworkManipulation;
import org.tandem.protocols.TandemException;

/**
 * One kind of network spec, recognised by its prefix (the text before the first colon). New kinds of networks join
 * {@link FeatureNetworks} by adding a family there.
 *
 * @param prefix    the spec prefix, without the colon, e.g. {@code faceapi}
 * @param options   the {@code ?name=value} options the family's specs take (e.g. {@code seed}); an observer spec passes
 *                  them through to the network spec
 * @param canonical checks a spec without loading anything and returns its canonical spelling
 * @param opener    loads the network a spec names
 * @param shuffled  loads the network a spec names with some of its weights shuffled, or null where the family's weights
 *                  cannot be shuffled
 */
public record NetworkFamily(String prefix, Set<String> options, UnaryOperator<String> canonical,
                            Function<String, FeatureNetwork> opener,
                            BiFunction<String, NetworkManipulation.Shuffle, FeatureNetwork> shuffled) {
    public NetworkFamily {
        options = Set.copyOf(options);
    }

    /** The canonical spelling of a spec of this family. */
    public String canonical(String spec) {
        return canonical.apply(spec);
    }

    public FeatureNetwork open(String spec) {
        return opener.apply(spec);
    }

    /** Opens the network with a weight shuffle applied as its weights are read. */
    public FeatureNetwork openShuffled(String spec, NetworkManipulation.Shuffle shuffle) {
        if (shuffled == null) {
            throw new TandemException("network " + spec + " cannot have its weights shuffled yet; shuffles work on the"
                    + " faceapi networks");
        }
        return shuffled.apply(spec, shuffle);
    }
}
