package org.tandem.observer.manipulation;

import java.util.ArrayList;
import java.util.List;

/**
 * What is done to a network before it answers: some units of one layer silenced ({@link Lesion}), or the weights of some
 * layers permuted ({@link Shuffle}). Written into the network's spec as options, so a manipulated network is an observer
 * like any other and a stored session re-opens exactly the same manipulation.
 */
public sealed interface NetworkManipulation permits NetworkManipulation.Lesion, NetworkManipulation.Shuffle {
    String LESION = "lesion";
    String LAYER = "layer";
    String FILL = "fill";
    String SHUFFLE = "shuffle";
    String SEED = "seed";
    /** The options a spec may carry for manipulations ({@code seed} only where the network is not an untrained twin). */
    List<String> OPTIONS = List.of(LESION, LAYER, FILL, SHUFFLE);
    long DEFAULT_SEED = 1;

    /** The options that spell this manipulation, canonical order. */
    List<String> options();

    /**
     * Units of {@code layer} set to a fixed value (zero, or each unit's mean over the reference images).
     *
     * @param target which units
     * @param seed   the seed of a random choice of units (only {@link LesionTarget.Random} uses it)
     */
    record Lesion(LesionTarget target, String layer, LesionFill fill, long seed) implements NetworkManipulation {
        @Override
        public List<String> options() {
            List<String> out = new ArrayList<>();
            out.add(LESION + "=" + target.specValue());
            out.add(LAYER + "=" + layer);
            if (fill != LesionFill.ZERO) {
                out.add(FILL + "=" + fill.label());
            }
            if (target instanceof LesionTarget.Random) {
                out.add(SEED + "=" + seed);
            }
            return out;
        }

        /** The same lesion on other, randomly chosen units of the layer, as many as this one silences. */
        public Lesion randomControl(long controlSeed) {
            return new Lesion(new LesionTarget.Random(), layer, fill, controlSeed);
        }
    }

    /**
     * Every weight tensor of the named weight groups (e.g. {@code dense2}, or {@code all}) with its values permuted among
     * themselves: the layer-wise shuffle of Wang et al., which keeps each layer's weight distribution and destroys what
     * training arranged.
     */
    record Shuffle(List<String> groups, long seed) implements NetworkManipulation {
        public static final String ALL = "all";

        public Shuffle {
            groups = List.copyOf(groups);
        }

        public boolean all() {
            return groups.equals(List.of(ALL));
        }

        @Override
        public List<String> options() {
            return List.of(SHUFFLE + "=" + String.join(",", groups), SEED + "=" + seed);
        }
    }
}
