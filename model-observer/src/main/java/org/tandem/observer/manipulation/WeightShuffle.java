package org.tandem.observer.manipulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.WeightTensor;
import org.tandem.protocols.TandemException;

/**
 * Applies a {@link NetworkManipulation.Shuffle} to a network's weights: every tensor of the chosen groups (a group is
 * the first part of the weights' names, e.g. {@code dense2} for {@code dense2/conv1/pointwise_filter}) has its values
 * permuted among themselves by a Fisher–Yates shuffle, tensors visited in manifest order from one seeded generator.
 */
public final class WeightShuffle {

    private WeightShuffle() {
    }

    /** The weight groups of a network, sorted: what {@code shuffle=} may name. */
    public static List<String> groups(NamedWeights weights) {
        TreeSet<String> groups = new TreeSet<>();
        weights.all().forEach(t -> groups.add(group(t.name())));
        return List.copyOf(groups);
    }

    public static NamedWeights apply(NamedWeights weights, NetworkManipulation.Shuffle shuffle) {
        List<String> groups = groups(weights);
        for (String g : shuffle.groups()) {
            if (!g.equals(NetworkManipulation.Shuffle.ALL) && !groups.contains(g)) {
                throw new TandemException("shuffle=" + g + ": the network has no weight group '" + g + "'; its groups"
                        + " are " + String.join(", ", groups) + " (or all)");
            }
        }
        SplittableRandom random = new SplittableRandom(shuffle.seed());
        List<WeightTensor> out = new ArrayList<>();
        for (WeightTensor t : weights.all()) {
            boolean chosen = shuffle.all() || shuffle.groups().contains(group(t.name()));
            out.add(chosen ? new WeightTensor(t.name(), t.shape(), permuted(t.values(), random)) : t);
        }
        return new NamedWeights(weights.source() + " (" + String.join("&", shuffle.options()) + ")", out);
    }

    private static float[] permuted(float[] values, SplittableRandom random) {
        float[] v = values.clone();
        for (int i = v.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float tmp = v[i];
            v[i] = v[j];
            v[j] = tmp;
        }
        return v;
    }

    private static String group(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}
