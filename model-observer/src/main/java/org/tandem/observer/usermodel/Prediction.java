package org.tandem.observer.usermodel;

import java.util.List;

/**
 * A user model's last output for one image: the raw scores (logits, or probabilities if the card says the model outputs
 * probabilities), the probabilities, and the card's label for each entry.
 */
public record Prediction(List<String> labels, float[] scores, float[] probabilities) {

    /** The label with the highest probability. */
    public String top() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return labels.get(best);
    }
}
