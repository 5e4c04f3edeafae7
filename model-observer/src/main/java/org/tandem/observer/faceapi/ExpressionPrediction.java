package org.tandem.observer.faceapi;

/** One face's expression logits and softmax probabilities, indexed by {@link Expression#ordinal()}. */
public record ExpressionPrediction(float[] logits, float[] probabilities) {
    public ExpressionPrediction {
        logits = logits.clone();
        probabilities = probabilities.clone();
    }

    @Override
    public float[] logits() {
        return logits.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    public float probability(Expression e) {
        return probabilities[e.ordinal()];
    }

    /** The most probable expression (the first on a tie). */
    public Expression top() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return Expression.values()[best];
    }
}
