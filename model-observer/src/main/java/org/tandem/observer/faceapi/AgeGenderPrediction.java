package org.tandem.observer.faceapi;

/**
 * One face's age regression (years, no activation) and gender: logits and softmax probabilities, index 0 male, 1 female,
 * as face-api orders them.
 */
public record AgeGenderPrediction(float age, float[] genderLogits, float maleProbability, float femaleProbability) {
    public AgeGenderPrediction {
        genderLogits = genderLogits.clone();
    }

    @Override
    public float[] genderLogits() {
        return genderLogits.clone();
    }
}
