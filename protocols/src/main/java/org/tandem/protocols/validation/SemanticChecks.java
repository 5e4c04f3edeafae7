package org.tandem.protocols.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
        List<Protocol.Factor> factors = protocol.factors() == null ? List.of() : protocol.factors();
        for (int i = 0; i < factors.size(); i++) {
            // a factor the schema rejected (e.g. null) keeps its place in the list but has no name
            if (factors.get(i) != null) {
                factorIndex.putIfAbsent(factors.get(i).name(), i);
            }
        }
    }

    /**
     * Runs every check; {@code report} receives (JSON Pointer, message) for each problem.
     *
     * @param lenient the schema already rejected the document: a check that trips over a missing or mistyped part is
     *                skipped (the schema's problem explains it) and the remaining checks still run
     */
    static void check(Protocol protocol, BiConsumer<String, String> report, boolean lenient) {
        SemanticChecks checks = new SemanticChecks(protocol, report);
        List<Runnable> all = List.of(checks::factors, checks::stimulusSets, checks::task, checks::blocks,
                checks::randomisation, checks::variants, checks::baseline);
        for (Runnable check : all) {
            try {
                check.run();
            } catch (RuntimeException e) {
                if (!lenient) {
                    throw e;
                }
            }
        }
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
            duplicateLevels(protocol.factors().get(i).levels(), "/factors/" + i + "/levels");
        }
    }

    /**
     * Levels are compared as canonical text, so 20, 20.0 and "20" are one level; the schema's uniqueItems does not see
     * that, and a level listed twice would silently double its trials.
     */
    private void duplicateLevels(List<String> levels, String pointer) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < levels.size(); j++) {
            if (!seen.add(levels.get(j))) {
                report.accept(pointer + "/" + j,
                        "level " + levels.get(j) + " is listed twice (20, 20.0 and \"20\" are the same level)");
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

    /** A baseline pairs two two-AFC PSEs of the same observer, so it names another protocol and needs a continuum. */
    private void baseline() {
        Protocol.Analysis analysis = protocol.analysis();
        if (analysis == null || analysis.baseline() == null) {
            return;
        }
        if (analysis.baseline().equals(protocol.id())) {
            report.accept("/analysis/baseline", "a protocol cannot be its own baseline; name the protocol this one"
                    + " manipulates (e.g. the unmasked continuum)");
        }
        if (!(protocol.task() instanceof Task.TwoAfc)) {
            report.accept("/analysis/baseline", "a baseline pairs two-AFC PSEs; this protocol's task is not two-afc,"
                    + " remove it");
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
        if (protocol.timing().answerFrom() != null && !(task instanceof Task.Abx)) {
            report.accept("/timing/answerFrom", "answerFrom says when an ABX trial's answer window opens; this protocol's"
                    + " task is not abx, remove it");
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
                    "classification needs a factor '" + c.factor() + "' holding the stimulus "
                            + (c.namesIdentities() ? "identities" : "expressions"));
            return;
        }
        checkLevels(f, protocol.factors().get(f).levels(), "/factors/" + f + "/levels", levelRule(c.factor()));
    }

    /**
     * What a level of a factor must be, by the role the task gives the factor: a percentage of the continuum, or the
     * expression of one of the classification labels; null when the task puts no rule on it.
     */
    private Function<String, String> levelRule(String factor) {
        Task task = protocol.task();
        if (task instanceof Task.Classification c && c.factor().equals(factor)) {
            Set<String> expressions = new TreeSet<>();
            c.labels().forEach(l -> expressions.add(l.expressionOrLabel()));
            String what = c.namesIdentities() ? "identity" : "expression";
            return level -> expressions.contains(level) ? null : "level '" + level + "' is not the " + what
                    + " of any label " + expressions;
        }
        if (task instanceof Task.TwoAfc t && t.continuum().factor().equals(factor)
                || task instanceof Task.Abx a && a.continuum().factor().equals(factor)) {
            return SemanticChecks::percentProblem;
        }
        return null;
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
        checkLevels(f, protocol.factors().get(f).levels(), "/factors/" + f + "/levels", levelRule(continuum.factor()));
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

    private void checkLevels(int factor, List<String> levels, String pointer, Function<String, String> rule) {
        for (int j = 0; j < levels.size(); j++) {
            String problem = rule.apply(levels.get(j));
            if (problem != null) {
                report.accept(pointer + "/" + j, problem);
            }
        }
    }

    private void distinct(List<Task.ResponseOption> labels, Function<Task.ResponseOption, String> field,
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
            abxPairs(block, i, null);
        }
        if (protocol.blocks().stream().allMatch(Protocol.Block::practice)) {
            report.accept("/blocks", "every block is a practice block; add a main block (\"practice\": false)");
        }
    }

    /**
     * Overrides must name declared factors and list each level once. A block may only narrow a factor to some of its
     * levels; a variant may replace them, but the new levels must still fit the task (percentages on a continuum, label
     * expressions in classification).
     */
    private void levelOverrides(Map<String, List<String>> overrides, String pointer, boolean subsetOnly) {
        for (Map.Entry<String, List<String>> entry : overrides.entrySet()) {
            Integer f = factorIndex.get(entry.getKey());
            String at = JsonPaths.child(pointer, entry.getKey());
            if (f == null) {
                report.accept(at, "no factor named '" + entry.getKey() + "'; declared: " + factorIndex.keySet());
                continue;
            }
            duplicateLevels(entry.getValue(), at);
            List<String> declared = protocol.factors().get(f).levels();
            Function<String, String> rule = subsetOnly
                    ? level -> declared.contains(level) ? null : "level " + level + " is not a level of '" + entry.getKey() + "'"
                    : levelRule(entry.getKey());
            if (rule != null) {
                checkLevels(f, entry.getValue(), at, rule);
            }
        }
    }

    /**
     * An ABX block that narrows the continuum must keep at least one pair {@code step} apart on it, or it has no trials;
     * with a variant, on the continuum the variant gives.
     */
    private void abxPairs(Protocol.Block block, int index, Protocol.Variant variant) {
        if (!(protocol.task() instanceof Task.Abx abx) || !factorIndex.containsKey(abx.continuum().factor())) {
            return;
        }
        String factor = abx.continuum().factor();
        List<String> inBlock = block.levels().get(factor);
        if (inBlock == null) {
            return;
        }
        List<String> continuum = variant == null
                ? protocol.factor(factor).levels()
                : variant.levels().getOrDefault(factor, protocol.factor(factor).levels());
        for (int i = 0; i + abx.step() < continuum.size(); i++) {
            if (inBlock.contains(continuum.get(i)) && inBlock.contains(continuum.get(i + abx.step()))) {
                return;
            }
        }
        report.accept(JsonPaths.child("/blocks/" + index + "/levels", factor), "block '" + block.name()
                + "' keeps no two levels " + abx.step() + (abx.step() == 1 ? " step" : " steps") + " apart on the continuum"
                + (variant == null ? "" : " of variant '" + variant.name() + "'") + ", so it has no ABX trials");
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
            abxVariant(variant, i);
        }
    }

    /** A variant that replaces the ABX continuum must leave pairs {@code step} apart, also in the blocks it keeps. */
    private void abxVariant(Protocol.Variant variant, int index) {
        if (!(protocol.task() instanceof Task.Abx abx) || !variant.levels().containsKey(abx.continuum().factor())) {
            return;
        }
        String factor = abx.continuum().factor();
        int count = variant.levels().get(factor).size();
        if (abx.step() >= count) {
            report.accept(JsonPaths.child("/variants/" + index + "/levels", factor), "step " + abx.step()
                    + " leaves no pair among the " + count + " levels this variant gives '" + factor + "'");
            return;
        }
        boolean keepsPractice = variant.practice() == null || variant.practice();
        for (int b = 0; b < protocol.blocks().size(); b++) {
            if (keepsPractice || !protocol.blocks().get(b).practice()) {
                abxPairs(protocol.blocks().get(b), b, variant);
            }
        }
    }
}
