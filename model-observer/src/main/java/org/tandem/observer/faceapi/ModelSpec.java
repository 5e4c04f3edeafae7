package org.tandem.observer.faceapi;

import java.util.Arrays;
import java.util.stream.Collectors;
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
    public static final long DEFAULT_SEED = 1;
    /** The one option of a model spec: the seed of an untrained twin's weights. */
    public static final String SEED_OPTION = "seed";
    private static final String PREFIX = "faceapi:";

    public static ModelSpec parse(String spec) {
        String s = spec.trim();
        if (!s.startsWith(PREFIX)) {
            throw invalid(spec, "it must start with 'faceapi:'");
        }
        String rest = s.substring(PREFIX.length());
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String[] parts = rest.split(":", -1);
        FaceApiNetwork network = Arrays.stream(FaceApiNetwork.values())
                .filter(n -> n.specName().equals(parts[0]))
                .findFirst()
                .orElseThrow(() -> invalid(spec, "'" + parts[0] + "' is not a face-api network"));
        boolean untrained = false;
        if (parts.length == 2 && parts[1].equals("untrained")) {
            untrained = true;
        } else if (parts.length > 1) {
            throw invalid(spec, "only ':untrained' may follow the network name");
        }
        long seed = DEFAULT_SEED;
        if (query != null) {
            if (!untrained) {
                throw invalid(spec, "'?seed=N' applies to untrained networks only");
            }
            if (!query.startsWith("seed=")) {
                throw invalid(spec, "the only option is '?seed=N'");
            }
            try {
                seed = Long.parseLong(query.substring("seed=".length()));
            } catch (NumberFormatException e) {
                throw invalid(spec, "the seed '" + query.substring("seed=".length()) + "' is not a whole number");
            }
        }
        return new ModelSpec(network, untrained, seed);
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
