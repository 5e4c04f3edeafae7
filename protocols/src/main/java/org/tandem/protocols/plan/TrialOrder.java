package org.tandem.protocols.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;

/**
 * Puts a block's trials in order according to the protocol's randomisation, honouring the run-length limits.
 *
 * <p>Constrained orders are drawn one trial at a time, uniformly among the remaining trials that keep every run within its
 * limit; a draw that paints itself into a corner starts again with the generator's next numbers. This is not exactly uniform
 * over all valid orders, but it is simple, deterministic, and fast for the block sizes of psychophysics.
 */
final class TrialOrder {
    private static final int MAX_ATTEMPTS = 2000;

    private final Protocol.Randomisation randomisation;

    TrialOrder(Protocol.Randomisation randomisation) {
        this.randomisation = randomisation;
    }

    List<TrialSpec> order(String block, List<TrialSpec> declared, SplitMix64 random) {
        switch (randomisation.order()) {
            case "fixed":
                return declared;
            case "blocked":
                return blocked(block, declared, random);
            default:
                return constrainedShuffle(block, declared, new Runs(), random);
        }
    }

    /** Groups by the blocking factor's level, groups in random order, each group shuffled; limits hold across groups. */
    private List<TrialSpec> blocked(String block, List<TrialSpec> declared, SplitMix64 random) {
        Map<String, List<TrialSpec>> groups = new LinkedHashMap<>();
        for (TrialSpec spec : declared) {
            groups.computeIfAbsent(spec.groupKey(), k -> new ArrayList<>()).add(spec);
        }
        List<List<TrialSpec>> groupOrder = fisherYates(new ArrayList<>(groups.values()), random);
        List<TrialSpec> out = new ArrayList<>();
        Runs runs = new Runs();
        for (List<TrialSpec> group : groupOrder) {
            List<TrialSpec> ordered = constrainedShuffle(block, group, runs, random);
            ordered.forEach(runs::push);
            out.addAll(ordered);
        }
        return out;
    }

    private List<TrialSpec> constrainedShuffle(String block, List<TrialSpec> items, Runs before, SplitMix64 random) {
        if (randomisation.maxSameLevel() == null && randomisation.maxSameAnswer() == null) {
            return fisherYates(new ArrayList<>(items), random);
        }
        if (!feasible(items, TrialSpec::levelKey, randomisation.maxSameLevel())
                || !feasible(items, TrialSpec::correctAnswer, randomisation.maxSameAnswer())) {
            throw unorderable(block);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<TrialSpec> remaining = new ArrayList<>(items);
            List<TrialSpec> out = new ArrayList<>(items.size());
            Runs runs = before.copy();
            int[] allowed = new int[items.size()];
            while (!remaining.isEmpty()) {
                int count = 0;
                for (int i = 0; i < remaining.size(); i++) {
                    if (runs.allows(remaining.get(i), randomisation)) {
                        allowed[count++] = i;
                    }
                }
                if (count == 0) {
                    break;
                }
                TrialSpec next = remaining.remove(allowed[random.nextInt(count)]);
                runs.push(next);
                out.add(next);
            }
            if (remaining.isEmpty()) {
                return out;
            }
        }
        throw unorderable(block);
    }

    private TandemException unorderable(String block) {
        return new TandemException("block '" + block + "' cannot be ordered with maxSameLevel=" + randomisation.maxSameLevel()
                + " and maxSameAnswer=" + randomisation.maxSameAnswer() + "; raise the limits or add levels");
    }

    /**
     * A value that occurs c times among n trials can be kept to runs of at most m only if c <= m * (n - c + 1):
     * the other trials must separate its runs. Trials without a value (null) separate too.
     */
    private static boolean feasible(List<TrialSpec> items, java.util.function.Function<TrialSpec, String> key, Integer maxRun) {
        if (maxRun == null) {
            return true;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TrialSpec spec : items) {
            String value = key.apply(spec);
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        int n = items.size();
        return counts.values().stream().allMatch(c -> (long) c <= (long) maxRun * (n - c + 1));
    }

    private static <T> List<T> fisherYates(List<T> list, SplitMix64 random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
        return list;
    }

    /** The current run of equal levels and of equal correct answers at the end of the sequence so far. */
    private static final class Runs {
        private String level;
        private int levelRun;
        private String answer;
        private int answerRun;

        Runs copy() {
            Runs copy = new Runs();
            copy.level = level;
            copy.levelRun = levelRun;
            copy.answer = answer;
            copy.answerRun = answerRun;
            return copy;
        }

        boolean allows(TrialSpec spec, Protocol.Randomisation limits) {
            if (limits.maxSameLevel() != null && spec.levelKey().equals(level) && levelRun >= limits.maxSameLevel()) {
                return false;
            }
            return limits.maxSameAnswer() == null || spec.correctAnswer() == null
                    || !spec.correctAnswer().equals(answer) || answerRun < limits.maxSameAnswer();
        }

        void push(TrialSpec spec) {
            levelRun = spec.levelKey().equals(level) ? levelRun + 1 : 1;
            level = spec.levelKey();
            // trials without a correct answer (a continuum's midpoint) interrupt a run of answers
            answerRun = spec.correctAnswer() != null && Objects.equals(spec.correctAnswer(), answer) ? answerRun + 1 : 1;
            answer = spec.correctAnswer();
        }
    }
}
