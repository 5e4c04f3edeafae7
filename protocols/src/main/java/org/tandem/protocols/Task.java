package org.tandem.protocols;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What the observer is asked: the closed set of task kinds every observer can answer. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Task.Classification.class, name = "classification"),
        @JsonSubTypes.Type(value = Task.TwoAfc.class, name = "two-afc"),
        @JsonSubTypes.Type(value = Task.Abx.class, name = "abx")})
public sealed interface Task {

    /** The stimulus set the task draws from, or null for the protocol's only set. */
    String stimulusSet();

    /** The response options, each a label and (for keyboard input) a key. */
    List<ResponseOption> labels();

    /** The factor whose level is the trial's main variable: run-length limits and ids are about it. */
    String primaryFactor();

    /**
     * A response option. {@code expression} (classification) names the stimulus expression the label stands for;
     * {@code end} (two-afc: {@code from} or {@code to}) the continuum end it stands for; {@code matches} (abx: {@code A} or
     * {@code B}) the stimulus X is claimed to match.
     */
    record ResponseOption(String label, String key, String expression, String end, String matches) {
        /** The stimulus expression this label stands for in classification (defaults to the label itself). */
        public String expressionOrLabel() {
            return expression != null ? expression : label;
        }
    }

    /** A morph continuum from one expression (level 0 %) to another (level 100 %), varied by a numeric factor. */
    record Continuum(String factor, String from, String to) {
        public String name() {
            return from + "-" + to;
        }
    }

    /**
     * N-way classification of single images: the {@code factor} holds stimulus expressions, each mapped to a label; or,
     * when the factor is {@code identity}, the people, each mapped to a label (their faces show the {@code expression}
     * factor's levels, or {@code neutral} without one). {@code input} is {@code keys}, {@code click} or
     * {@code keys-and-click}.
     */
    record Classification(String stimulusSet, String factor, List<ResponseOption> labels, String input) implements Task {
        public static final String EXPRESSION_FACTOR = "expression";
        public static final String IDENTITY_FACTOR = "identity";
        /** The expression faces show in an identity task without an expression factor. */
        public static final String DEFAULT_EXPRESSION = "neutral";

        public Classification {
            labels = List.copyOf(labels);
            factor = factor == null ? EXPRESSION_FACTOR : factor;
            input = input == null ? "keys-and-click" : input;
        }

        /** Whether the labels name people (the factor is {@code identity}) rather than expressions. */
        public boolean namesIdentities() {
            return IDENTITY_FACTOR.equals(factor);
        }

        /** The expression a trial's face shows, from its factor levels. */
        public String expressionShown(java.util.Map<String, String> levels) {
            return namesIdentities() ? levels.getOrDefault(EXPRESSION_FACTOR, DEFAULT_EXPRESSION) : levels.get(factor);
        }

        @Override
        public String primaryFactor() {
            return factor;
        }
    }

    /** Two-alternative forced choice on a continuum; the correct answer is the label of the nearer end. */
    record TwoAfc(String stimulusSet, Continuum continuum, List<ResponseOption> labels) implements Task {
        public TwoAfc {
            labels = List.copyOf(labels);
        }

        @Override
        public String primaryFactor() {
            return continuum.factor();
        }
    }

    /**
     * ABX discrimination: A and B are {@code step} levels apart on the continuum, X is one of them.
     * {@code order} is the presentation order ({@code ABX}, {@code AXB} or {@code XAB}); with {@code counterbalance}
     * each pair is shown in both A/B orders and with X = A and X = B.
     */
    record Abx(String stimulusSet, Continuum continuum, int step, String order, Boolean counterbalance,
               List<ResponseOption> labels) implements Task {
        public Abx {
            labels = List.copyOf(labels);
            order = order == null ? "ABX" : order;
        }

        public boolean counterbalanced() {
            return counterbalance == null || counterbalance;
        }

        @Override
        public String primaryFactor() {
            return continuum.factor();
        }
    }
}
