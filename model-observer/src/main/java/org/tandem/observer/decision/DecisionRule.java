package org.tandem.observer.decision;

import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.SplitMix64;

/**
 * How a model observer turns the task probabilities into one answer: the most probable label ({@code argmax}), or a draw
 * from the softmax of the task logits at a temperature ({@code sample}), seeded so that the same seed gives the same
 * answers. Each trial draws from its own sub-stream of the seed (by plan index), so a resumed session answers its
 * remaining trials exactly as an uninterrupted one would.
 */
public sealed interface DecisionRule {

    /** The index of the chosen label. */
    int choose(double[] taskLogits, int trialIndex);

    /** A short description stored with the session, e.g. {@code argmax} or {@code sample T=1 seed=7}. */
    String describe();

    static DecisionRule parse(String rule, double temperature, long seed) {
        return switch (rule) {
            case "argmax" -> new Argmax();
            case "sample" -> new Sample(temperature, seed);
            default -> throw new TandemException("decision rule '" + rule + "' is not known; use argmax or sample");
        };
    }

    /** The most probable label; the first on a tie. */
    record Argmax() implements DecisionRule {
        @Override
        public int choose(double[] taskLogits, int trialIndex) {
            int best = 0;
            for (int i = 1; i < taskLogits.length; i++) {
                if (taskLogits[i] > taskLogits[best]) {
                    best = i;
                }
            }
            return best;
        }

        @Override
        public String describe() {
            return "argmax";
        }
    }

    /** A draw from softmax(logits / temperature). */
    record Sample(double temperature, long seed) implements DecisionRule {
        public Sample {
            if (!(temperature > 0) || Double.isInfinite(temperature)) {
                throw new TandemException("the sampling temperature must be a positive number, got " + temperature);
            }
        }

        @Override
        public int choose(double[] taskLogits, int trialIndex) {
            double[] p = TaskProbabilities.softmax(taskLogits, temperature);
            double u = (SplitMix64.stream(seed, trialIndex).nextLong() >>> 11) * 0x1.0p-53;
            double cumulative = 0;
            for (int i = 0; i < p.length; i++) {
                cumulative += p[i];
                if (u < cumulative) {
                    return i;
                }
            }
            return p.length - 1;
        }

        @Override
        public String describe() {
            return "sample T=" + temperature + " seed=" + seed;
        }
    }
}
