package org.tandem.observer.readout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.SplitMix64;

/**
 * Cross-validation folds that keep every group (an identity, or a single image) whole: all rows of a group are in the
 * same test fold, so with identities as groups a readout is always tested on identities it was not trained on. Groups are sorted by name, shuffled by the seed and dealt
 * to the folds in turn. By default each group is its own fold (leave-one-identity-out) up to {@value #LEAVE_ONE_OUT_UP_TO}
 * groups, and {@value #DEFAULT_FOLDS} folds beyond.
 */
public final class GroupKFold {
    public static final int LEAVE_ONE_OUT_UP_TO = 12;
    public static final int DEFAULT_FOLDS = 6;

    /** One fold: the row indices trained on and those tested, ascending. */
    public record Fold(int[] train, int[] test) {
    }

    private GroupKFold() {
    }

    /** The default number of folds for this many groups. */
    public static int defaultFolds(int groups) {
        return groups <= LEAVE_ONE_OUT_UP_TO ? groups : DEFAULT_FOLDS;
    }

    /**
     * @param groups the group of each row
     * @param folds  number of folds, 2 … number of groups
     * @param unit   what a group is, plural, for messages: {@code identities} or {@code images}
     */
    public static List<Fold> split(List<String> groups, int folds, long seed, String unit) {
        Map<String, List<Integer>> rowsOf = new TreeMap<>();
        for (int i = 0; i < groups.size(); i++) {
            rowsOf.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        }
        if (rowsOf.size() < 2) {
            throw new TandemException("readout training set has " + rowsOf.size() + " of its " + unit
                    + "; cross-validation by " + unit + " needs at least 2");
        }
        if (folds < 2 || folds > rowsOf.size()) {
            throw new TandemException("readout folds must be 2.." + rowsOf.size() + " (the number of " + unit + "), got " + folds);
        }
        List<String> names = new ArrayList<>(rowsOf.keySet());
        int[] order = SeededOrder.permutation(names.size(), new SplitMix64(seed));
        int[] foldOfRow = new int[groups.size()];
        for (int position = 0; position < order.length; position++) {
            for (int row : rowsOf.get(names.get(order[position]))) {
                foldOfRow[row] = position % folds;
            }
        }
        List<Fold> out = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int row = 0; row < foldOfRow.length; row++) {
                (foldOfRow[row] == f ? test : train).add(row);
            }
            out.add(new Fold(train.stream().mapToInt(Integer::intValue).toArray(),
                    test.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }
}
