package org.tandem.observer.human;

import org.tandem.observer.features.TwinSpecSyntax;
import org.tandem.protocols.TandemException;

/**
 * A spec naming a human-models network, {@code human:NAME}, or its untrained twin, {@code human:NAME:untrained?seed=N}
 * (seed 1 when not given), the same form as face-api's specs.
 */
public record HumanSpec(HumanModel model, boolean untrained, long seed) {
    public static final String PREFIX = "human:";
    public static final String SEED_OPTION = TwinSpecSyntax.SEED_OPTION;

    public static HumanSpec parse(String spec) {
        TwinSpecSyntax.Parts parts = TwinSpecSyntax.parse(spec, PREFIX, HumanSpec::invalid);
        return new HumanSpec(HumanModel.byName(parts.name()), parts.untrained(), parts.seed());
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
