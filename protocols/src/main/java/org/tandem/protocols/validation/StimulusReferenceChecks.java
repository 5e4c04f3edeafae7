package org.tandem.protocols.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.StimulusVocabulary;
import org.tandem.protocols.Task;

/**
 * Checks what a protocol asks of its built-in stimulus set: the set's name, the identities (the {@code identity} factor, or
 * the set's {@code identity}) and the expressions (classification levels, continuum ends) it will be asked to show. Each is
 * reported at the place it is written, so that a station never finds out with a participant waiting. Morph levels need no
 * vocabulary: every continuum level is a percentage (0–100), which is what the built-in faces show.
 */
final class StimulusReferenceChecks {
    private final Protocol protocol;
    private final StimulusVocabulary vocabulary;
    private final BiConsumer<String, String> report;

    private StimulusReferenceChecks(Protocol protocol, StimulusVocabulary vocabulary, BiConsumer<String, String> report) {
        this.protocol = protocol;
        this.vocabulary = vocabulary;
        this.report = report;
    }

    static void check(Protocol protocol, StimulusVocabulary vocabulary, BiConsumer<String, String> report) {
        new StimulusReferenceChecks(protocol, vocabulary, report).run();
    }

    private void run() {
        List<Protocol.StimulusSet> sets = protocol.stimulusSets();
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).path() == null && !vocabulary.builtinSets().contains(sets.get(i).name())) {
                report.accept("/stimulusSets/" + i + "/name", "no built-in stimulus set is named '" + sets.get(i).name()
                        + "' (built in: " + String.join(", ", vocabulary.builtinSets().stream().sorted().toList())
                        + "); give an image folder or manifest with 'path'");
            }
        }
        int index = taskSetIndex();
        if (index < 0 || sets.get(index).path() != null || !vocabulary.builtinSets().contains(sets.get(index).name())) {
            return;
        }
        String set = sets.get(index).name();
        identities(set, index);
        expressions(set);
    }

    /** The position of the set the task draws from, or -1 when the task names none that is declared. */
    private int taskSetIndex() {
        String wanted = protocol.task().stimulusSet();
        List<Protocol.StimulusSet> sets = protocol.stimulusSets();
        for (int i = 0; i < sets.size(); i++) {
            if (wanted == null ? sets.size() == 1 : sets.get(i).name().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private void identities(String set, int setIndex) {
        Function<String, String> rule = cached(identity -> vocabulary.identityProblem(set, identity));
        if (!levelsOf("identity", rule)) {
            String identity = protocol.stimulusSets().get(setIndex).identity();
            if (identity != null) {
                reportIf("/stimulusSets/" + setIndex + "/identity", rule.apply(identity));
            }
        }
    }

    private void expressions(String set) {
        Function<String, String> rule = cached(expression -> vocabulary.expressionProblem(set, expression));
        Task task = protocol.task();
        if (task instanceof Task.Classification c && c.namesIdentities()) {
            if (!levelsOf(Task.Classification.EXPRESSION_FACTOR, rule)) {
                reportIf("/task/factor", rule.apply(Task.Classification.DEFAULT_EXPRESSION));
            }
        } else if (task instanceof Task.Classification c) {
            levelsOf(c.factor(), rule);
        } else {
            Task.Continuum continuum = task instanceof Task.TwoAfc t ? t.continuum() : ((Task.Abx) task).continuum();
            reportIf("/task/continuum/from", rule.apply(continuum.from()));
            reportIf("/task/continuum/to", rule.apply(continuum.to()));
        }
    }

    /**
     * Checks every level of a factor, and the levels a variant gives it instead (a block only picks among the declared
     * ones); false when the protocol has no such factor.
     */
    private boolean levelsOf(String factor, Function<String, String> rule) {
        List<Protocol.Factor> factors = protocol.factors();
        int f = 0;
        while (f < factors.size() && !factors.get(f).name().equals(factor)) {
            f++;
        }
        if (f == factors.size()) {
            return false;
        }
        each(factors.get(f).levels(), "/factors/" + f + "/levels", rule);
        for (int v = 0; v < protocol.variants().size(); v++) {
            List<String> levels = protocol.variants().get(v).levels().get(factor);
            if (levels != null) {
                each(levels, JsonPaths.child("/variants/" + v + "/levels", factor), rule);
            }
        }
        return true;
    }

    private void each(List<String> levels, String pointer, Function<String, String> rule) {
        for (int j = 0; j < levels.size(); j++) {
            reportIf(pointer + "/" + j, rule.apply(levels.get(j)));
        }
    }

    private void reportIf(String pointer, String problem) {
        if (problem != null) {
            report.accept(pointer, problem);
        }
    }

    /** Each distinct value is asked once, however often the factor and its variants list it. */
    private static Function<String, String> cached(Function<String, String> rule) {
        Map<String, Optional<String>> answers = new HashMap<>();
        return value -> answers.computeIfAbsent(value, v -> Optional.ofNullable(rule.apply(v))).orElse(null);
    }
}
