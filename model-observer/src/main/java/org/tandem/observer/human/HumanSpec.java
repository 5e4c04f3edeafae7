package org.tandem.observer.human;

import org.tandem.protocols.TandemException;

/**
 * A spec naming a human-models network, {@code human:NAME}, or its untrained twin, {@code human:NAME:untrained?seed=N}
 * (seed 1 when not given), the same form as face-api's specs.
 */
public record HumanSpec(HumanModel model, boolean untrained, long seed) {
    public static final String PREFIX = "human:";
    public static final String SEED_OPTION = "seed";

    public static HumanSpec parse(String spec) {
        String s = spec.trim();
        if (!s.startsWith(PREFIX)) {
            throw invalid(spec, "it does not start with " + PREFIX);
        }
        String rest = s.substring(PREFIX.length());
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String[] parts = rest.split(":", -1);
        HumanModel model = HumanModel.byName(parts[0]);
        boolean untrained = parts.length == 2 && parts[1].equals("untrained");
        if (parts.length > 2 || parts.length == 2 && !untrained) {
            throw invalid(spec, "only ':untrained' may follow the network name");
        }
        long seed = 1;
        if (query != null) {
            if (!untrained || !query.startsWith(SEED_OPTION + "=")) {
                throw invalid(spec, "the only option is '?seed=N', for untrained twins");
            }
            try {
                seed = Long.parseLong(query.substring(SEED_OPTION.length() + 1));
            } catch (NumberFormatException e) {
                throw invalid(spec, "the seed '" + query.substring(SEED_OPTION.length() + 1) + "' is not a whole number");
            }
        }
        return new HumanSpec(model, untrained, seed);
    }

    @Override
    public String toString() {
        return PREFIX + model.specName() + (untrained ? ":untrained?seed=" + seed : "");
    }

    private static TandemException invalid(String spec, String why) {
        return new TandemException("model spec '" + spec + "' is not valid: " + why + "; write human:NAME or"
                + " human:NAME:untrained?seed=N");
    }
}
