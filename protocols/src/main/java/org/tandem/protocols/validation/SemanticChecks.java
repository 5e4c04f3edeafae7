package org.tandem.protocols.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.Task;

/**
 * The rules a JSON Schema cannot express: names that must refer to each other, levels that must fit the task, keys that
 * must differ. Every problem is reported with its JSON Pointer; checking goes on after the first.
 */
final class SemanticChecks {
    private final Protocol protocol;
    private final BiConsumer<String, String> report;
    private final Map<String, Integer> factorIndex = new HashMap<>();

    private SemanticChecks(Protocol protocol, BiConsumer<String, String> report) {
        this.protocol = protocol;
        this.report = report;
        for (int i = 0; i < protocol.factors().size(); i++) {
            factorIndex.putIfAbsent(protocol.factors().get(i).name(), i);
        }
    }

    /** Runs every check; {@code report} receives (JSON Pointer, message) for each problem. */
    static void check(Protocol protocol, BiConsumer<String, String> report) {
        SemanticChecks checks = new SemanticChecks(protocol, report);
        checks.factors();
        checks.stimulusSets();
        checks.task();
        checks.blocks();
        checks.randomisation();
        checks.variants();
    }

    private void factors() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < protocol.factors().size(); i++) {
            String name = protocol.factors().get(i).name();
            if (!seen.add(name)) {
                report.accept("/factors/" + i + "/name", "factor '" + name + "' is declared twice");
            }
            if (name.equals("x") || name.endsWith("_a") || name.endsWith("_b")) {
                report.accept("/factors/" + i + "/name", "factor names 'x' and '…_a'/'…_b' are reserved for ABX trials");
            }
        }
    }

    private void stimulusSets() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < protocol.stimulusSets().size(); i++) {
            Protocol.StimulusSet set = protocol.stimulusSets().get(i);
            if (!seen.add(set.name())) {
                report.accept("/stimulusSets/" + i + "/name", "stimulus set '" + set.name() + "' is declared twice");
            }
        }
        String wanted = protocol.task().stimulusSet();
        if (wanted != null && !seen.contains(wanted)) {
            report.accept("/task/stimulusSet", "no stimulus set named '" + wanted + "'; declared: " + seen);
            return;
        }
        if (wanted == null && protocol.stimulusSets().size() > 1) {
            report.accept("/task", "several stimulus sets are declared; say which one the task uses with 'stimulusSet'");
            return;
        }
        if (!factorIndex.containsKey("identity")) {
            int index = wanted == null ? 0 : indexOfSet(wanted);
            if (protocol.stimulusSets().get(index).identity() == null) {
                report.accept("/stimulusSets/" + index,
                        "the protocol has no 'identity' factor, so this set must name the identity to show ('identity')");
            }
        }
    }

    private int indexOfSet(String name) {
        for (int i = 0; i < protocol.stimulusSets().size(); i++) {
            if (protocol.stimulusSets().get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }

    private void task() {
        Task task = protocol.task();
        List<Task.ResponseOption> labels = task.labels();
        Set<String> labelNames = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            Task.ResponseOption option = labels.get(i);
            if (!labelNames.add(option.label())) {
                report.accept("/task/labels/" + i + "/label", "label '" + option.label() + "' is used twice");
            }
            if (option.key() != null && !keys.add(option.key())) {
                report.accept("/task/labels/" + i + "/key", "key " + option.key() + " is used by two labels");
            }
        }
        if (task instanceof Task.Classification c) {
            classification(c);
        } else if (task instanceof Task.TwoAfc t) {
            continuum(t.continuum());
            distinct(t.labels(), Task.ResponseOption::end, "end", "the two labels must stand for different ends ('from' and 'to')");
        } else if (task instanceof Task.Abx abx) {
            continuum(abx.continuum());
            distinct(abx.labels(), Task.ResponseOption::matches, "matches", "one label must match A and the other B");
            Integer f = factorIndex.get(abx.continuum().factor());
            if (f != null && abx.step() >= protocol.factors().get(f).levels().size()) {
                report.accept("/task/step", "step " + abx.step() + " leaves no pair among the "
                        + protocol.factors().get(f).levels().size() + " levels of '" + abx.continuum().factor() + "'");
            }
        }
    }

    private void classification(Task.Classification c) {
        for (int i = 0; i < c.labels().size(); i++) {
            if (c.labels().get(i).key() == null && !c.input().equals("click")) {
                report.accept("/task/labels/" + i, "label '" + c.labels().get(i).label()
                        + "' needs a 'key' (or set the task's input to 'click')");
            }
        }
        Integer f = factorIndex.get(c.factor());
        if (f == null) {
            report.accept("/task" + (c.factor().equals("expression") ? "" : "/factor"),
                    "classification needs a factor '" + c.factor() + "' holding the stimulus expressions");
            return;
        }
        Set<String> expressions = new HashSet<>();
        c.labels().forEach(l -> expressions.add(l.expressionOrLabel()));
        checkLevels(f, protocol.factors().get(f).levels(), "/factors/" + f + "/levels",
                level -> expressions.contains(level) ? null : "level '" + level + "' is not the expression of any label "
                        + expressions);
    }

    private void continuum(Task.Continuum continuum) {
        if (continuum.from().equals(continuum.to())) {
            report.accept("/task/continuum/to", "a continuum needs two different expressions");
        }
        Integer f = factorIndex.get(continuum.factor());
        if (f == null) {
            report.accept("/task/continuum/factor", "no factor named '" + continuum.factor() + "'");
            return;
        }
        checkLevels(f, protocol.factors().get(f).levels(), "/factors/" + f + "/levels", SemanticChecks::percentProblem);
    }

    /** Continuum levels are percentages of the far end. */
    private static String percentProblem(String level) {
        try {
            BigDecimal value = new BigDecimal(level);
            return value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
                    ? "continuum level " + level + " is outside 0–100 %" : null;
        } catch (NumberFormatException e) {
            return "continuum level '" + level + "' must be a number (percent)";
        }
    }

    private void checkLevels(int factor, List<String> levels, String pointer, java.util.function.Function<String, String> rule) {
        for (int j = 0; j < levels.size(); j++) {
            String problem = rule.apply(levels.get(j));
            if (problem != null) {
                report.accept(pointer + "/" + j, problem);
            }
        }
    }

    private void distinct(List<Task.ResponseOption> labels, java.util.function.Function<Task.ResponseOption, String> field,
                          String name, String message) {
        if (labels.size() == 2 && field.apply(labels.get(0)) != null
                && field.apply(labels.get(0)).equals(field.apply(labels.get(1)))) {
            report.accept("/task/labels/1/" + name, message);
        }
    }

    private void blocks() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < protocol.blocks().size(); i++) {
            Protocol.Block block = protocol.blocks().get(i);
            if (!seen.add(block.name())) {
                report.accept("/blocks/" + i + "/name", "block '" + block.name() + "' is declared twice");
            }
            levelOverrides(block.levels(), "/blocks/" + i + "/levels", true);
        }
        if (protocol.blocks().stream().allMatch(Protocol.Block::practice)) {
            report.accept("/blocks", "every block is a practice block; add a main block (\"practice\": false)");
        }
    }

    /** Overrides must name declared factors; a block may only narrow a factor to some of its levels. */
    private void levelOverrides(Map<String, List<String>> overrides, String pointer, boolean subsetOnly) {
        for (Map.Entry<String, List<String>> entry : overrides.entrySet()) {
            Integer f = factorIndex.get(entry.getKey());
            String at = JsonPaths.child(pointer, entry.getKey());
            if (f == null) {
                report.accept(at, "no factor named '" + entry.getKey() + "'; declared: " + factorIndex.keySet());
                continue;
            }
            List<String> declared = protocol.factors().get(f).levels();
            if (subsetOnly) {
                checkLevels(f, entry.getValue(), at,
                        level -> declared.contains(level) ? null : "level " + level + " is not a level of '" + entry.getKey() + "'");
            }
        }
    }

    private void randomisation() {
        Protocol.Randomisation r = protocol.randomisation();
        if ("blocked".equals(r.order())) {
            if (r.blockedBy() == null) {
                report.accept("/randomisation", "order 'blocked' needs 'blockedBy', the factor whose levels form the groups");
            } else if (!factorIndex.containsKey(r.blockedBy())) {
                report.accept("/randomisation/blockedBy", "no factor named '" + r.blockedBy() + "'");
            } else if (protocol.task() instanceof Task.Abx abx && abx.continuum().factor().equals(r.blockedBy())) {
                report.accept("/randomisation/blockedBy", "ABX trials pair levels of '" + r.blockedBy() + "' and cannot be blocked by it");
            }
        } else if (r.blockedBy() != null) {
            report.accept("/randomisation/blockedBy", "'blockedBy' only applies to order 'blocked'");
        }
        if ("fixed".equals(r.order()) && (r.maxSameLevel() != null || r.maxSameAnswer() != null)) {
            report.accept("/randomisation/order", "run-length limits have no effect with order 'fixed'; remove them");
        }
    }

    private void variants() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < protocol.variants().size(); i++) {
            Protocol.Variant variant = protocol.variants().get(i);
            if (!seen.add(variant.name())) {
                report.accept("/variants/" + i + "/name", "variant '" + variant.name() + "' is declared twice");
            }
            levelOverrides(variant.levels(), "/variants/" + i + "/levels", false);
        }
    }

}
