package org.tandem.protocols.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;

/**
 * Turns one block of a protocol into its trials in declared order: the crossed factor levels (first factor slowest),
 * expanded by the task (ABX pairs and orders), times the repetitions, repetition-major.
 */
final class ConditionExpander {
    static final String IDENTITY_FACTOR = Task.Classification.IDENTITY_FACTOR;

    private final Protocol protocol;
    private final Protocol.StimulusSet set;

    ConditionExpander(Protocol protocol) {
        this.protocol = protocol;
        this.set = protocol.taskStimulusSet();
    }

    List<TrialSpec> expand(Protocol.Block block) {
        List<Map<String, String>> conditions = crossedLevels(block);
        int repetitions = block.repetitions() != null ? block.repetitions() : protocol.repetitions();
        String groupFactor = "blocked".equals(protocol.randomisation().order()) ? protocol.randomisation().blockedBy() : null;
        List<TrialSpec> specs = new ArrayList<>();
        for (int rep = 1; rep <= repetitions; rep++) {
            for (Map<String, String> condition : conditions) {
                for (Map<String, String> levels : taskConditions(block, condition)) {
                    specs.add(spec(block, levels, rep, groupFactor));
                }
            }
        }
        return specs;
    }

    private List<Map<String, String>> crossedLevels(Protocol.Block block) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(new LinkedHashMap<>());
        for (Protocol.Factor factor : protocol.factors()) {
            // ABX pairs are formed in taskConditions(); here the continuum factor only keeps its place
            List<String> levels = isAbxContinuum(factor.name())
                    ? List.of("")
                    : block.levels().getOrDefault(factor.name(), factor.levels());
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> row : rows) {
                for (String level : levels) {
                    Map<String, String> extended = new LinkedHashMap<>(row);
                    extended.put(factor.name(), level);
                    next.add(extended);
                }
            }
            rows = next;
        }
        return rows;
    }

    private boolean isAbxContinuum(String factor) {
        return protocol.task() instanceof Task.Abx abx && abx.continuum().factor().equals(factor);
    }

    /**
     * One condition for classification and two-AFC. For ABX, the counterbalanced A/B/X variants of every pair
     * {@code step} apart on the whole continuum; a block that narrows the continuum keeps the pairs inside its levels.
     */
    private List<Map<String, String>> taskConditions(Protocol.Block block, Map<String, String> condition) {
        if (!(protocol.task() instanceof Task.Abx abx)) {
            return List.of(condition);
        }
        String factor = abx.continuum().factor();
        List<String> levels = protocol.factor(factor).levels();
        List<String> inBlock = block.levels().getOrDefault(factor, levels);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i + abx.step() < levels.size(); i++) {
            String low = levels.get(i);
            String high = levels.get(i + abx.step());
            if (!inBlock.contains(low) || !inBlock.contains(high)) {
                continue;
            }
            List<String[]> orders = abx.counterbalanced()
                    ? List.of(new String[] {low, high}, new String[] {high, low})
                    : List.<String[]>of(new String[] {low, high});
            for (String[] ab : orders) {
                for (String x : List.of("A", "B")) {
                    Map<String, String> levelsOut = new LinkedHashMap<>();
                    for (Map.Entry<String, String> e : condition.entrySet()) {
                        if (e.getKey().equals(factor)) {
                            levelsOut.put(factor + "_a", ab[0]);
                            levelsOut.put(factor + "_b", ab[1]);
                        } else {
                            levelsOut.put(e.getKey(), e.getValue());
                        }
                    }
                    levelsOut.put("x", x);
                    out.add(levelsOut);
                }
            }
        }
        return out;
    }

    private TrialSpec spec(Protocol.Block block, Map<String, String> levels, int rep, String groupFactor) {
        String identity = levels.getOrDefault(IDENTITY_FACTOR, set.identity());
        List<ShownStimulus> stimuli;
        Task task = protocol.task();
        if (task instanceof Task.Classification c) {
            stimuli = List.of(new ShownStimulus("S", StimulusRef.prototype(set.name(), identity, c.expressionShown(levels))));
        } else if (task instanceof Task.TwoAfc t) {
            String level = levels.get(t.continuum().factor());
            stimuli = List.of(new ShownStimulus("S", StimulusRef.morph(set.name(), identity, t.continuum().name(), level)));
        } else {
            Task.Abx abx = (Task.Abx) task;
            String factor = abx.continuum().factor();
            StimulusRef refA = StimulusRef.morph(set.name(), identity, abx.continuum().name(), levels.get(factor + "_a"));
            StimulusRef refB = StimulusRef.morph(set.name(), identity, abx.continuum().name(), levels.get(factor + "_b"));
            StimulusRef refX = levels.get("x").equals("A") ? refA : refB;
            stimuli = new ArrayList<>();
            for (char role : abx.order().toCharArray()) {
                StimulusRef ref = role == 'A' ? refA : role == 'B' ? refB : refX;
                stimuli.add(new ShownStimulus(String.valueOf(role), ref));
            }
        }
        RunKey key = runKey(levels);
        String id = block.name() + ":" + joinLevels(levels) + "#" + rep;
        String groupKey = groupFactor == null ? "" : levels.getOrDefault(groupFactor, "");
        return new TrialSpec(id, block.name(), block.practice(), block.givesFeedback(), levels, stimuli, key.answer(),
                key.level(), groupKey);
    }

    /** What the run-length limits see of a condition: the main factor's level (for ABX the A–B pair) and the correct answer. */
    private RunKey runKey(Map<String, String> levels) {
        Task task = protocol.task();
        if (task instanceof Task.Classification c) {
            String level = levels.get(c.factor());
            return new RunKey(level, c.labels().stream().filter(l -> l.expressionOrLabel().equals(level))
                    .map(Task.ResponseOption::label).findFirst().orElse(null));
        }
        if (task instanceof Task.TwoAfc t) {
            String level = levels.get(t.continuum().factor());
            return new RunKey(level, nearerEndLabel(t, new BigDecimal(level)));
        }
        Task.Abx abx = (Task.Abx) task;
        String a = levels.get(abx.continuum().factor() + "_a");
        String b = levels.get(abx.continuum().factor() + "_b");
        String x = levels.get("x");
        return new RunKey(new BigDecimal(a).compareTo(new BigDecimal(b)) < 0 ? a + "-" + b : b + "-" + a,
                abx.labels().stream().filter(l -> x.equals(l.matches())).map(Task.ResponseOption::label).findFirst()
                        .orElse(null));
    }

    /**
     * The trials of each run-length kind in one group of a block (the whole block unless it is blocked), worked out
     * without making the trials: every condition of the task's main factor (ABX: every arrangement of a pair) occurs once
     * per combination of the other factors' levels and per repetition. With the block grouped by another factor, every
     * group is alike, so one stands for all; grouped by the main factor itself, each group holds one level.
     */
    List<Map<RunKey, Long>> runKeyCounts(Protocol.Block block) {
        String primary = protocol.task().primaryFactor();
        String groupFactor = "blocked".equals(protocol.randomisation().order()) ? protocol.randomisation().blockedBy() : null;
        long weight = block.repetitions() != null ? block.repetitions() : protocol.repetitions();
        for (Protocol.Factor factor : protocol.factors()) {
            if (!factor.name().equals(primary) && !factor.name().equals(groupFactor)) {
                weight *= block.levels().getOrDefault(factor.name(), factor.levels()).size();
            }
        }
        List<Map<String, String>> mainConditions = new ArrayList<>();
        if (protocol.task() instanceof Task.Abx) {
            mainConditions.addAll(taskConditions(block, Map.of(primary, "")));
        } else {
            for (String level : block.levels().getOrDefault(primary, protocol.factor(primary).levels())) {
                mainConditions.add(Map.of(primary, level));
            }
        }
        List<Map<RunKey, Long>> groups = new ArrayList<>();
        Map<RunKey, Long> whole = new LinkedHashMap<>();
        for (Map<String, String> condition : mainConditions) {
            if (primary.equals(groupFactor)) {
                groups.add(Map.of(runKey(condition), weight));
            } else {
                whole.merge(runKey(condition), weight, Long::sum);
            }
        }
        if (!primary.equals(groupFactor)) {
            groups.add(whole);
        }
        return groups;
    }

    /** Below the midpoint the "from" label is correct, above it the "to" label; the midpoint itself has no correct answer. */
    private static String nearerEndLabel(Task.TwoAfc task, BigDecimal level) {
        int side = level.compareTo(BigDecimal.valueOf(50));
        if (side == 0) {
            return null;
        }
        String end = side < 0 ? "from" : "to";
        return task.labels().stream().filter(l -> end.equals(l.end())).map(Task.ResponseOption::label).findFirst()
                .orElse(null);
    }

    private static String joinLevels(Map<String, String> levels) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : levels.entrySet()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(e.getKey()).append('=').append(e.getValue());
        }
        return out.toString();
    }
}
