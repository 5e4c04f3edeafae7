package org.tandem.observer.faceapi;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tandem.observer.features.TwinSpecSyntax;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.TfjsWeightManifest;
import org.tandem.observer.weights.XavierNormalWeights;
import org.tandem.protocols.TandemException;

/**
 * Which network to run: {@code faceapi:<network>} with face-api's trained weights, or
 * {@code faceapi:<network>:untrained[?seed=N]} for the same architecture with Xavier-normal weights (seed 1 by default).
 */
public record ModelSpec(FaceApiNetwork network, boolean untrained, long seed) {
    public static final long DEFAULT_SEED = TwinSpecSyntax.DEFAULT_SEED;
    /** The one option of a model spec: the seed of an untrained twin's weights. */
    public static final String SEED_OPTION = TwinSpecSyntax.SEED_OPTION;
    private static final String PREFIX = "faceapi:";

    public static ModelSpec parse(String spec) {
        TwinSpecSyntax.Parts parts = TwinSpecSyntax.parse(spec, PREFIX, ModelSpec::invalid);
        FaceApiNetwork network = Arrays.stream(FaceApiNetwork.values())
                .filter(n -> n.specName().equals(parts.name()))
                .findFirst()
                .orElseThrow(() -> invalid(spec, "'" + parts.name() + "' is not a face-api network"));
        return new ModelSpec(network, parts.untrained(), parts.seed());
    }

    /** The weights: generated for an untrained twin, otherwise face-api's from the verified cache (fetched if needed). */
    public NamedWeights weights(ModelStore store) {
        if (untrained) {
            return XavierNormalWeights.generate(network.architecture(), seed);
        }
        return TfjsWeightManifest.load(store.resolve(), network.modelFile());
    }

    /** The canonical spelling, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return PREFIX + network.specName() + (untrained ? ":untrained?seed=" + seed : "");
    }

    private static TandemException invalid(String spec, String why) {
        String networks = Arrays.stream(FaceApiNetwork.values()).map(FaceApiNetwork::specName)
                .collect(Collectors.joining(", "));
        return new TandemException("model spec '" + spec + "' is not valid: " + why + "; write faceapi:NETWORK or"
                + " faceapi:NETWORK:untrained?seed=N, where NETWORK is one of " + networks);
    }
}
