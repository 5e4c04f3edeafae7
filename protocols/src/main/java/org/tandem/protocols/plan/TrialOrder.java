package org.tandem.protocols.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.tandem.protocols.Protocol;

/**
 * Puts a block's trials in order according to the protocol's randomisation, honouring the run-length limits.
 *
 * <p>Constrained orders are drawn one trial at a time, uniformly among the remaining trials that keep every run within its
 * limit <em>and</em> leave the trials still to come orderable under each limit (see {@link #orderable}). For one limit that
 * look-ahead is exact, so the draw never paints itself into a corner; only the two limits together can, and such a draw
 * starts again with the generator's next numbers. This is not exactly uniform over all valid orders, but it is simple,
 * deterministic, and fast for the block sizes of psychophysics.
 */
final class TrialOrder {
    /** Fresh draws allowed when the two limits together corner a draw; a draw costs O(trials x kinds x levels). */
    private static final int MAX_ATTEMPTS = 200;

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
                return shuffled(block, declared, random);
        }
    }

    private boolean limited() {
        return randomisation.maxSameLevel() != null || randomisation.maxSameAnswer() != null;
    }

    private List<TrialSpec> shuffled(String block, List<TrialSpec> declared, SplitMix64 random) {
        if (!limited()) {
            return fisherYates(new ArrayList<>(declared), random);
        }
        requireOrderable(block, declared);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<TrialSpec> drawn = draw(declared, new Runs(), random);
            if (drawn != null) {
                return drawn;
            }
        }
        throw notFound(block);
    }

    /** Groups by the blocking factor's level, groups in random order, each group shuffled; limits hold across groups. */
    private List<TrialSpec> blocked(String block, List<TrialSpec> declared, SplitMix64 random) {
        Map<String, List<TrialSpec>> groups = new LinkedHashMap<>();
        for (TrialSpec spec : declared) {
            groups.computeIfAbsent(spec.groupKey(), k -> new ArrayList<>()).add(spec);
        }
        if (!limited()) {
            List<TrialSpec> out = new ArrayList<>(declared.size());
            for (List<TrialSpec> group : fisherYates(new ArrayList<>(groups.values()), random)) {
                out.addAll(fisherYates(new ArrayList<>(group), random));
            }
            return out;
        }
        groups.values().forEach(group -> requireOrderable(block, group));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<TrialSpec> out = new ArrayList<>(declared.size());
            Runs runs = new Runs();
            for (List<TrialSpec> group : fisherYates(new ArrayList<>(groups.values()), random)) {
                // the run at the end of one group carries into the next, so a group can be cornered by its predecessor
                List<TrialSpec> drawn = draw(group, runs, random);
                if (drawn == null) {
                    out = null;
                    break;
                }
                out.addAll(drawn);
            }
            if (out != null) {
                return out;
            }
        }
        throw notFound(block);
    }

    /**
     * One draw of the items in an order within the limits, continuing the runs in {@code runs} (which it advances);
     * null when the draw is cornered. Trials with the same level key and correct answer are interchangeable for the limits,
     * so the look-ahead is evaluated once per such kind; a trial is then chosen uniformly among those of the allowed kinds.
     */
    private List<TrialSpec> draw(List<TrialSpec> items, Runs runs, SplitMix64 random) {
        Map<RunKey, List<TrialSpec>> byRunKey = new LinkedHashMap<>();
        Map<String, Integer> levels = new HashMap<>();
        Map<String, Integer> answers = new HashMap<>();
        for (TrialSpec spec : items) {
            byRunKey.computeIfAbsent(spec.runKey(), k -> new ArrayList<>()).add(spec);
            levels.merge(spec.levelKey(), 1, Integer::sum);
            if (spec.correctAnswer() != null) {
                answers.merge(spec.correctAnswer(), 1, Integer::sum);
            }
        }
        List<RunKey> kinds = new ArrayList<>(byRunKey.keySet());
        int[] weight = new int[kinds.size()];
        int remaining = items.size();
        List<TrialSpec> out = new ArrayList<>(remaining);
        while (remaining > 0) {
            int total = 0;
            for (int k = 0; k < kinds.size(); k++) {
                RunKey kind = kinds.get(k);
                int available = byRunKey.get(kind).size();
                weight[k] = available > 0 && keepsOrderable(kind, runs, levels, answers, remaining) ? available : 0;
                total += weight[k];
            }
            if (total == 0) {
                return null;
            }
            int pick = random.nextInt(total);
            int k = 0;
            while (pick >= weight[k]) {
                pick -= weight[k];
                k++;
            }
            RunKey kind = kinds.get(k);
            List<TrialSpec> pool = byRunKey.get(kind);
            TrialSpec next = pool.get(pick);
            pool.set(pick, pool.get(pool.size() - 1));
            pool.remove(pool.size() - 1);
            levels.merge(kind.level(), -1, Integer::sum);
            if (kind.answer() != null) {
                answers.merge(kind.answer(), -1, Integer::sum);
            }
            remaining--;
            runs.push(kind);
            out.add(next);
        }
        return out;
    }

    /** Whether a trial of this kind may come next: it keeps its runs within the limits and leaves the rest orderable. */
    private boolean keepsOrderable(RunKey kind, Runs runs, Map<String, Integer> levels, Map<String, Integer> answers,
                                   int remaining) {
        Integer maxLevel = randomisation.maxSameLevel();
        Integer maxAnswer = randomisation.maxSameAnswer();
        if (maxLevel != null && runs.levelRunAfter(kind) > maxLevel) {
            return false;
        }
        if (maxAnswer != null && kind.answer() != null && runs.answerRunAfter(kind) > maxAnswer) {
            return false;
        }
        return afterTaking(levels, kind.level(), () -> orderable(levels, remaining - 1, kind.level(), runs.levelRunAfter(kind),
                maxLevel))
                && afterTaking(answers, kind.answer(), () -> orderable(answers, remaining - 1, kind.answer(),
                runs.answerRunAfter(kind), maxAnswer));
    }

    private static boolean afterTaking(Map<String, Integer> counts, String value, BooleanSupplier test) {
        if (value == null) {
            return test.getAsBoolean();
        }
        counts.merge(value, -1, Integer::sum);
        try {
            return test.getAsBoolean();
        } finally {
            counts.merge(value, 1, Integer::sum);
        }
    }

    /**
     * Whether {@code n} trials, whose values occur {@code counts} times (trials without a value not counted), can follow a
     * sequence that ends in a run of {@code run} trials of {@code runValue} with no run longer than {@code max}. A value
     * occurring c times needs the other n - c trials to separate its runs: c <= max * (n - c + 1); the running value can add
     * only max - run to its current run: c <= (max - run) + max * (n - c). At most one value can violate the stricter form
     * c <= max * (n - c), and placing it first (or any value, when none does) keeps the condition, so for one limit it is
     * both necessary and sufficient.
     */
    static boolean orderable(Map<String, Integer> counts, int n, String runValue, int run, Integer max) {
        if (max == null) {
            return true;
        }
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            long c = entry.getValue();
            if (c <= 0) {
                continue;
            }
            long room = entry.getKey().equals(runValue)
                    ? (long) (max - run) + (long) max * (n - c)
                    : (long) max * (n - c + 1);
            if (c > room) {
                return false;
            }
        }
        return true;
    }

    /** Fails with a message naming the value that cannot be spread out, when one limit alone cannot be met. */
    private void requireOrderable(String block, List<TrialSpec> items) {
        Map<RunKey, Long> counts = new LinkedHashMap<>();
        items.forEach(spec -> counts.merge(spec.runKey(), 1L, Long::sum));
        requireOrderable(block, counts);
    }

    /**
     * The same from the number of trials of each kind, so that a design is checked without making its trials. Each limit
     * alone is exact: a value occurring c times among n trials fits runs of at most {@code max} if and only if
     * c <= max * (n - c + 1) (see {@link #orderable}).
     *
     * @throws PlanningException naming the limit to change
     */
    void requireOrderable(String block, Map<RunKey, Long> counts) {
        if ("fixed".equals(randomisation.order())) {
            return;
        }
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        check(block, counts, n, RunKey::level, randomisation.maxSameLevel(), "level", "maxSameLevel", "add levels");
        check(block, counts, n, RunKey::answer, randomisation.maxSameAnswer(), "correct answer", "maxSameAnswer",
                "balance the answers");
    }

    private static void check(String block, Map<RunKey, Long> counts, long n, Function<RunKey, String> key, Integer max,
                              String what, String limit, String remedy) {
        if (max == null) {
            return;
        }
        Map<String, Long> byValue = new LinkedHashMap<>();
        counts.forEach((kind, count) -> {
            if (key.apply(kind) != null) {
                byValue.merge(key.apply(kind), count, Long::sum);
            }
        });
        for (Map.Entry<String, Long> entry : byValue.entrySet()) {
            long c = entry.getValue();
            if (c > (long) max * (n - c + 1)) {
                throw new PlanningException("/randomisation/" + limit, "block '" + block + "' cannot be ordered with "
                        + limit + "=" + max + ": " + what + " '" + entry.getKey() + "' makes up " + c + " of its " + n
                        + " trials, too many to break into runs of at most " + max + "; raise " + limit + " or " + remedy);
            }
        }
    }

    private PlanningException notFound(String block) {
        return new PlanningException("/randomisation", "block '" + block + "' could not be ordered with maxSameLevel="
                + randomisation.maxSameLevel() + " and maxSameAnswer=" + randomisation.maxSameAnswer()
                + ": each limit alone can be met, but no order meeting both was found in " + MAX_ATTEMPTS
                + " tries; raise one of the limits");
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

        int levelRunAfter(RunKey next) {
            return next.level().equals(level) ? levelRun + 1 : 1;
        }

        /** Trials without a correct answer (a continuum's midpoint) interrupt a run of answers. */
        int answerRunAfter(RunKey next) {
            return next.answer() != null && Objects.equals(next.answer(), answer) ? answerRun + 1 : 1;
        }

        void push(RunKey next) {
            levelRun = levelRunAfter(next);
            level = next.level();
            answerRun = answerRunAfter(next);
            answer = next.answer();
        }
    }
}
